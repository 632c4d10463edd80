namespace Quality.Domain.Sampling;

/// <summary>The inspection levels of MIL-STD-105E / ANSI/ASQ Z1.4 Table I: special S-1 … S-4 and general I, II (the usual), III.</summary>
public enum InspectionLevel
{
    S1,
    S2,
    S3,
    S4,
    I,
    II,
    III,
}
