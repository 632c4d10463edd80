namespace Quality.Domain.Findings;

/// <summary>A class pair's (or any error type's) rate across deliveries: the current delivery against the baseline, and a CUSUM.</summary>
/// <param name="Type">The error type.</param>
/// <param name="CurrentBatch">The last delivery's batch id.</param>
/// <param name="Current">The last delivery's rate with its Wilson 95% interval.</param>
/// <param name="Baseline">The pooled baseline deliveries with the Wilson 95% interval.</param>
/// <param name="BaselineRate">p₀ = (E₀ + ½)/(N₀ + 1), the Jeffreys-prior mean of the baseline; never 0 or 1. NaN without a baseline.</param>
/// <param name="RateRatio">Current rate / p₀.</param>
/// <param name="PValue">One-sided Fisher exact p of current against the baseline counts; NaN without a baseline.</param>
/// <param name="Standardised">z_i = (p_i − p₀)/√(p₀(1 − p₀)/n_i) per delivery, 0 for a delivery without opportunities.</param>
/// <param name="CusumUpper">C⁺_i of the upper CUSUM of z, per delivery.</param>
/// <param name="Signals">C⁺ above h at the current delivery: the pair is rising now.</param>
/// <param name="FirstSignalBatch">The delivery where the current excursion above h began; null when not signalling.</param>
/// <param name="Statement">What was found, with its figures.</param>
public sealed record ConfusionTrendResult(
    ErrorType Type,
    string CurrentBatch,
    PooledRate Current,
    PooledRate Baseline,
    double BaselineRate,
    double RateRatio,
    double PValue,
    IReadOnlyList<double> Standardised,
    IReadOnlyList<double> CusumUpper,
    bool Signals,
    string? FirstSignalBatch,
    string Statement)
{
    /// <summary>The decision interval h the CUSUM was compared with.</summary>
    public double DecisionInterval { get; init; }

    /// <summary>The 0-based index of <see cref="FirstSignalBatch"/>; null when not signalling.</summary>
    public int? FirstSignalIndex { get; init; }
}
