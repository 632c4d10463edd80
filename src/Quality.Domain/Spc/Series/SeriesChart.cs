namespace Quality.Domain.Spc.Series;

/// <summary>Charts a stored series of deliveries phase by phase: Phase I limits from each phase's baseline, Phase II after.</summary>
/// <remarks>
/// Points are in delivery order; a phase starts wherever <see cref="SeriesPoint.Phase"/> differs from the previous point's
/// (compared ordinally). In each phase:
/// <list type="bullet">
/// <item>fewer than <see cref="SeriesChartOptions.EffectiveMinimumBaseline"/> points: warming up — the statistic is plotted,
/// centre and limits are NaN, nothing signals;</item>
/// <item>otherwise the first min(m, points) points, m = <see cref="SeriesChartOptions.BaselineLength"/>, are the baseline. The
/// Phase I estimate excludes out-of-control baseline points that have an assignable cause (<see cref="SeriesPoint.AssignableCause"/>), iteratively — Montgomery's procedure (p, u: <see cref="PChart.EstimatePhaseI"/>; Laney:
/// σ_Z re-estimated each pass; I-MR, EWMA, CUSUM: x̄ and MR̄/1.128 against the individuals limits). Shewhart charts plot
/// the baseline against the trial limits (the whole baseline) and the later points against the revised limits, frozen;
/// EWMA and CUSUM use the revised parameters throughout. With fewer than m points the phase is in Phase I and its
/// limits are provisional;</item>
/// <item>limit signals always; run rules (<see cref="SeriesChartOptions.Rules"/>, without rule 1) on the z of the phase
/// alone, so no run spans a phase change; none for EWMA and CUSUM (autocorrelated statistics).</item>
/// </list>
/// Signal points are 1-based indices into the whole series. An empty series is warming up. A point missing a field its
/// chart needs, or out of range, is a caller bug: <see cref="ArgumentException"/> naming the point and the field.
/// </remarks>
public static class SeriesChart
{
    public static SeriesChartResult Compute(IReadOnlyList<SeriesPoint> points, SeriesChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        SeriesInput.Validate(points, options.Chart);

        var charted = new List<SeriesChartPoint>(points.Count);
        var phases = new List<SeriesPhase>();
        var signals = new List<ControlSignal>();
        var start = 0;
        while (start < points.Count)
        {
            var end = start;
            while (end + 1 < points.Count && string.Equals(points[end + 1].Phase, points[start].Phase, StringComparison.Ordinal))
            {
                end++;
            }

            var phase = new PhaseBuilder(points, start, end, phases.Count + 1, options);
            phases.Add(phase.Build(charted, signals));
            start = end + 1;
        }

        var status = phases.Count == 0 ? PhaseStatus.WarmingUp : phases[^1].Status;
        return new SeriesChartResult(
            options.Chart,
            charted,
            phases,
            [.. signals.OrderBy(s => s.Points[^1]).ThenBy(s => s.Rule)],
            status,
            SeriesNotes.Describe(phases, options));
    }
}
