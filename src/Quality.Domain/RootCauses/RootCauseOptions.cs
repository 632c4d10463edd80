using Quality.Domain.Matching;

namespace Quality.Domain.RootCauses;

/// <summary>Levels and limits of the root-cause drill-down (<see cref="RootCauseAnalysis"/>); docs/findings.md explains each default.</summary>
public sealed record RootCauseOptions
{
    /// <summary>The false discovery rate of the Benjamini–Hochberg step-up over each family of tests, and the level of the annotator test.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>A concentration's rate must be at least (1 + this) × the rest's: 0.5, the relative size a system error must reach.</summary>
    public double MinimumElevation { get; init; } = 0.5;

    /// <summary>An interaction cell is listed only when its rate is at least this × the rate of each of its two levels alone.</summary>
    public double InteractionSharpening { get; init; } = 1.25;

    /// <summary>The matching thresholds: a match is a localisation error when its IoU is below τ(gold class) + <see cref="LocalisationMargin"/>.</summary>
    public MatchingThresholds Thresholds { get; init; } = new();

    /// <summary>0.2: a pair that barely clears τ = 0.5 (IoU 0.5–0.7) is matched but drawn poorly.</summary>
    public double LocalisationMargin { get; init; } = 0.2;

    /// <summary>How many of the strongest non-annotator strata are crossed with every other stratum for two-way interactions.</summary>
    public int InteractionStrata { get; init; } = 3;

    /// <summary>A stratum with more levels than this is not tested (a free-text attribute, a continuous value written as text).</summary>
    public int MaxLevels { get; init; } = 24;

    /// <summary>How many evidence rows (errors) each concentration carries.</summary>
    public int EvidenceRows { get; init; } = 5;

    /// <summary>Replicates of the Monte Carlo χ² used when an expected count is below 5; p is never below 1/(B + 1).</summary>
    public int MonteCarloReplicates { get; init; } = 2_000;

    public int Seed { get; init; } = 1;

    internal void Validate()
    {
        if (!(Alpha is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha lies in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinimumElevation);
        ArgumentOutOfRangeException.ThrowIfLessThan(InteractionSharpening, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(LocalisationMargin);
        ArgumentOutOfRangeException.ThrowIfNegative(InteractionStrata);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLevels, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(EvidenceRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MonteCarloReplicates);
    }
}
