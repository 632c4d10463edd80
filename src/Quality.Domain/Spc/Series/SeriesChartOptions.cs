namespace Quality.Domain.Spc.Series;

/// <summary>How <see cref="SeriesChart"/> charts a series: the chart, the baseline of each phase and the rules.</summary>
public sealed record SeriesChartOptions
{
    public required ChartKind Chart { get; init; }

    /// <summary>m: the first m points of each phase are its baseline (Phase I); later points are Phase II.</summary>
    public int BaselineLength { get; init; } = 20;

    /// <summary>
    /// A phase with fewer points than this is warming up: no limits and no signals. Capped at <see cref="BaselineLength"/>.
    /// 8 is this project's convention: σ from fewer than seven moving ranges is too rough to chart against.
    /// </summary>
    public int MinimumBaseline { get; init; } = 8;

    public RuleSet Rules { get; init; } = RuleSet.WesternElectric;

    /// <summary>Run lengths when <see cref="Rules"/> is <see cref="RuleSet.Nelson"/>; null for Nelson's own.</summary>
    public NelsonOptions? Nelson { get; init; }

    /// <summary>Run length of Western Electric rule 4.</summary>
    public int WesternElectricRun { get; init; } = 8;

    /// <summary>Passes of the Phase I exclusion at most.</summary>
    public int MaxIterations { get; init; } = 20;

    /// <summary>A known centre μ₀ for the I-MR, EWMA and CUSUM charts, used in every phase instead of the baseline mean.</summary>
    public double? Target { get; init; }

    /// <summary>A known σ for the I-MR, EWMA and CUSUM charts, used in every phase instead of MR̄/1.128 of the baseline.</summary>
    public double? Sigma { get; init; }

    /// <summary>λ and L of the EWMA chart. Its Target and Sigma apply when <see cref="Target"/> and <see cref="Sigma"/> are null; its BaselineLength is not used.</summary>
    public EwmaOptions? Ewma { get; init; }

    /// <summary>k and h of the CUSUM chart.</summary>
    public SeriesCusumOptions? Cusum { get; init; }

    /// <summary>The dispersion tolerance of the Laney charts.</summary>
    public LaneyOptions? Laney { get; init; }

    /// <summary>The warm-up threshold actually applied: <see cref="MinimumBaseline"/> capped at <see cref="BaselineLength"/>.</summary>
    public int EffectiveMinimumBaseline => Math.Min(MinimumBaseline, BaselineLength);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BaselineLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinimumBaseline);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxIterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(WesternElectricRun);
        if (Sigma is { } sigma && !(sigma > 0 && double.IsFinite(sigma)))
        {
            throw new ArgumentOutOfRangeException(nameof(Sigma), "Sigma must be positive and finite.");
        }

        if (Target is { } target && !double.IsFinite(target))
        {
            throw new ArgumentOutOfRangeException(nameof(Target), "Target must be finite.");
        }
    }
}
