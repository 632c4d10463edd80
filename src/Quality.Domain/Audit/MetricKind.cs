namespace Quality.Domain.Audit;

/// <summary>What kind of number a monitored metric is: it decides the control chart that fits it.</summary>
public enum MetricKind
{
    /// <summary>Nonconforming units out of n: binomial, a p chart (Laney p′ when overdispersed).</summary>
    Proportion,

    /// <summary>Defects per unit, several possible per unit: Poisson, a u chart (Laney u′ when overdispersed).</summary>
    RatePerUnit,

    /// <summary>A measured figure: an individuals and moving-range chart, EWMA or CUSUM.</summary>
    Continuous,
}
