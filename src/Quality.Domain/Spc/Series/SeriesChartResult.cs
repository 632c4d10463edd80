namespace Quality.Domain.Spc.Series;

/// <summary>A series charted phase by phase.</summary>
/// <param name="Chart">The chart drawn.</param>
/// <param name="Points">One per input point, in input order.</param>
/// <param name="Phases">The phases in order; every point belongs to exactly one.</param>
/// <param name="Signals">Limit and run-rule signals of all phases, by last point then rule; points are 1-based indices into the whole series.</param>
/// <param name="Status">The status of the last (current) phase; <see cref="PhaseStatus.WarmingUp"/> for an empty series.</param>
/// <param name="Note">One plain sentence on the current phase, e.g. "warming up: 5 of 8 deliveries needed".</param>
public sealed record SeriesChartResult(
    ChartKind Chart,
    IReadOnlyList<SeriesChartPoint> Points,
    IReadOnlyList<SeriesPhase> Phases,
    IReadOnlyList<ControlSignal> Signals,
    PhaseStatus Status,
    string Note)
{
    /// <summary>The last phase; null for an empty series.</summary>
    public SeriesPhase? Current => Phases.Count == 0 ? null : Phases[^1];

    /// <summary>The centre line the latest point is judged against; NaN for an empty series or while warming up.</summary>
    public double Center => Points.Count == 0 ? double.NaN : Points[^1].Center;
}
