namespace Quality.Domain.Findings;

/// <summary>Levels and limits of <see cref="ErrorSourceAnalysis"/>; the defaults are the product's and are explained in docs/findings.md.</summary>
public sealed record ErrorSourceOptions
{
    /// <summary>The level at which adjusted p-values reject: family-wise (Holm) or false discovery rate (Benjamini–Hochberg).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The adjustment over the error types of one delivery, applied to homogeneity and elevation p-values separately.</summary>
    public MultipleTestingProcedure MultipleTesting { get; init; } = MultipleTestingProcedure.Holm;

    /// <summary>Two-sided coverage of the funnel limits; 0.998 is Spiegelhalter's "3σ" funnel (0.1% beyond each limit).</summary>
    public double FunnelLevel { get; init; } = 0.998;

    /// <summary>Fewer opportunities than this in the delivery (all annotators) give <see cref="ErrorSource.InsufficientEvidence"/>.</summary>
    public long MinOpportunities { get; init; } = 30;

    /// <summary>Replicates of the Monte Carlo homogeneity test, used when an expected count is below 5.</summary>
    public int MonteCarloReplicates { get; init; } = 10_000;

    /// <summary>Seed of the Monte Carlo test; each error type draws from its own stream derived from this seed and its key.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Relative elevation over the baseline rate that a system error must reach besides being significant: 0.5 means the
    /// delivery rate is at least 1.5 × the historical rate. Relative, because error rates of different pairs differ by
    /// orders of magnitude; a significant but small relative rise on a large delivery is not worth a finding.
    /// </summary>
    public double MinimumElevation { get; init; } = 0.5;

    /// <summary>Without history, the rate a delivery is tested against (exact binomial); null: without history only individual errors are called.</summary>
    public double? MaxAcceptableRate { get; init; }

    internal void Validate()
    {
        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha lies in (0, 1).");
        }

        if (!(FunnelLevel > 0 && FunnelLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(FunnelLevel), FunnelLevel, "The funnel level lies in (0, 1).");
        }

        if (MaxAcceptableRate is { } rate && !(rate > 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAcceptableRate), rate, "An acceptable rate lies in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinOpportunities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MonteCarloReplicates);
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumElevation);
    }
}
