namespace Quality.Domain.Spc.Series;

/// <summary>How far a phase of a series is: whether its limits can be trusted yet.</summary>
public enum PhaseStatus
{
    /// <summary>Fewer points than <see cref="SeriesChartOptions.MinimumBaseline"/>: no limits, no signals.</summary>
    WarmingUp,

    /// <summary>Every point is in the baseline; the limits come from all of them (provisional while fewer than <see cref="SeriesChartOptions.BaselineLength"/>).</summary>
    PhaseI,

    /// <summary>The baseline is complete; later points are charted against its frozen, revised limits.</summary>
    PhaseII,
}
