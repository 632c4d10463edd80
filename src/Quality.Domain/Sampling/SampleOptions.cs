namespace Quality.Domain.Sampling;

/// <summary>What to draw: the total size, the seed that makes the draw reproducible, and how to allocate it.</summary>
public sealed record SampleOptions
{
    /// <summary>The total sample size n (raised to the sum of the per-stratum minimums, capped at the population).</summary>
    public required int Size { get; init; }

    /// <summary>Anyone with the seed and the item ids can redraw the same sample.</summary>
    public required string Seed { get; init; }

    public SampleAllocation Allocation { get; init; } = SampleAllocation.Proportional;

    /// <summary>Every stratum gets at least this many items (or all of them when smaller): rare safety classes are always reviewed.</summary>
    public int MinimumPerStratum { get; init; }

    /// <summary>Expected error rate per stratum for Neyman allocation; strata not listed use <see cref="DefaultExpectedErrorRate"/>.</summary>
    public IReadOnlyDictionary<string, double>? ExpectedErrorRates { get; init; }

    public double DefaultExpectedErrorRate { get; init; } = 0.5;

    /// <summary>Select within strata with probability proportional to <see cref="SampleItem.Weight"/> (sequential Poisson sampling).</summary>
    public bool RiskWeighted { get; init; }
}
