namespace Quality.Domain.Spc;

/// <summary>Run lengths of the Nelson rules; defaults are Nelson's (1984). Conventions differ (rule 2: AIAG 7, Montgomery 8).</summary>
public sealed record NelsonOptions
{
    /// <summary>Rule 2: points in a row on the same side of the centre line.</summary>
    public int SameSideRun { get; init; } = 9;

    /// <summary>Rule 3: points in a row continually increasing or decreasing.</summary>
    public int TrendRun { get; init; } = 6;

    /// <summary>Rule 4: points in a row alternating up and down.</summary>
    public int AlternatingRun { get; init; } = 14;

    /// <summary>Rule 7: points in a row within 1σ.</summary>
    public int StratificationRun { get; init; } = 15;

    /// <summary>Rule 8: points in a row beyond 1σ on both sides.</summary>
    public int MixtureRun { get; init; } = 8;
}
