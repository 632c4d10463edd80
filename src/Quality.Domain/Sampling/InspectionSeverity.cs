namespace Quality.Domain.Sampling;

/// <summary>The severity of inspection a lot is sampled at (Table II-A, II-B, II-C), chosen by the switching rules.</summary>
public enum InspectionSeverity
{
    Normal,
    Tightened,
    Reduced,
}
