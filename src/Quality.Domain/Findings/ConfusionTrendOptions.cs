namespace Quality.Domain.Findings;

/// <summary>Parameters of <see cref="ConfusionTrend"/>.</summary>
public sealed record ConfusionTrendOptions
{
    /// <summary>CUSUM reference value k in standard units; 0.5 is tuned to a one-σ shift.</summary>
    public double K { get; init; } = 0.5;

    /// <summary>CUSUM decision interval h in standard units.</summary>
    public double H { get; init; } = 4.0;

    /// <summary>How many of the first deliveries form the baseline p₀; null: every delivery before the current one.</summary>
    public int? BaselineLength { get; init; }

    /// <summary>Level of the one-sided test of the current delivery against the baseline.</summary>
    public double Alpha { get; init; } = 0.05;
}
