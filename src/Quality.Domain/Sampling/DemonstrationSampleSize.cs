namespace Quality.Domain.Sampling;

/// <summary>
/// How many items to review so that finding at most <see cref="AllowedFailures"/> errors shows, at
/// <see cref="Confidence"/>, that the error rate is below <see cref="Limit"/>.
/// </summary>
/// <param name="SampleSize">The smallest n with P(X ≤ c | n, limit) ≤ 1 − confidence.</param>
/// <param name="Method">Binomial, or hypergeometric when a finite population (lot) was given.</param>
/// <param name="AchievedConfidence">1 − P(X ≤ c) at that n: at least <see cref="Confidence"/>.</param>
public sealed record DemonstrationSampleSize(
    int SampleSize,
    SampleSizeMethod Method,
    double Limit,
    double Confidence,
    int AllowedFailures,
    long? Population,
    double AchievedConfidence);
