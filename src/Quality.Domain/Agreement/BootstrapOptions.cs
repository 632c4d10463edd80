namespace Quality.Domain.Agreement;

/// <summary>How <see cref="KrippendorffAlpha.Bootstrap"/> resamples.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Seed of the generator: the same seed and data give the same interval.</summary>
    public required int Seed { get; init; }

    /// <summary>Bootstrap replicates B.</summary>
    public int Replicates { get; init; } = 1000;

    /// <summary>Coverage of the percentile interval.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// The alpha whose shortfall is reported as P(α &lt; threshold); 0.800 is Krippendorff's (2004, p. 241) level for
    /// relying on data, 0.667 the lowest for tentative conclusions.
    /// </summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>
    /// Threads the replicates are spread over; -1 (the default) for every core. Each replicate draws from its own stream
    /// (<see cref="ReplicateStream"/>), so the interval is the same whatever this is.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
