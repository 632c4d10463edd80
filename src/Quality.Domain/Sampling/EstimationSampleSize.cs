namespace Quality.Domain.Sampling;

/// <summary>How many items to review to estimate an error rate within ±<see cref="Margin"/> at <see cref="Confidence"/>.</summary>
/// <param name="SampleSize">The size to draw: the corrected size rounded up, never more than the population.</param>
/// <param name="Method">Cochran or Wilson.</param>
/// <param name="InfinitePopulationSize">The unrounded size before the finite-population correction (Cochran's n₀).</param>
/// <param name="Correction">The correction applied, or null when no population was given.</param>
public sealed record EstimationSampleSize(
    int SampleSize,
    SampleSizeMethod Method,
    double Margin,
    double Confidence,
    double ExpectedRate,
    long? Population,
    double InfinitePopulationSize,
    FinitePopulationCorrection? Correction);
