using Quality.Domain.Audit;

namespace Quality.Domain.Spc.Series;

/// <summary>
/// Which control chart fits a monitored metric's kind of number, and the default choice: a proportion gets a p chart
/// unless the current phase's baseline is overdispersed (Laney's σ_Z beyond tolerance), when Laney's p′ is used and
/// the reason says so (u and u′ alike); a continuous figure gets an individuals chart.
/// </summary>
public static class MetricChart
{
    public static ChartKind Default(MetricKind kind) => kind switch
    {
        MetricKind.Proportion => ChartKind.P,
        MetricKind.RatePerUnit => ChartKind.U,
        _ => ChartKind.Individuals,
    };

    public static bool Fits(ChartKind chart, MetricKind kind) => kind switch
    {
        MetricKind.Proportion => chart.IsProportion(),
        MetricKind.RatePerUnit => chart is ChartKind.U or ChartKind.LaneyU,
        _ => !chart.IsAttribute(),
    };

    public static IEnumerable<ChartKind> Fitting(MetricKind kind) => Enum.GetValues<ChartKind>().Where(k => Fits(k, kind));

    /// <summary>Charts the points with the default chart for <paramref name="kind"/> (options.Chart is ignored), and says why.</summary>
    public static (SeriesChartResult Result, string Reason) Choose(IReadOnlyList<SeriesPoint> points, SeriesChartOptions options, MetricKind kind)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        var classical = SeriesChart.Compute(points, options with { Chart = Default(kind) });
        if (kind == MetricKind.Continuous)
        {
            return (classical, "a continuous figure: individuals and moving-range chart");
        }

        var laney = SeriesChart.Compute(points, options with { Chart = kind == MetricKind.Proportion ? ChartKind.LaneyP : ChartKind.LaneyU });
        if (laney.Current is { Dispersion: Dispersion.Overdispersed, SigmaZ: { } sigmaZ })
        {
            var flagged = classical.Points.Count(p => p.IsBeyondLimits);
            return (laney, FormattableString.Invariant(
                $"overdispersed (σZ = {sigmaZ:0.###}): classical limits would put {flagged} of {points.Count} deliveries beyond them, so Laney's chart is used"));
        }

        return (classical, kind == MetricKind.Proportion ? "a proportion, not overdispersed: p chart" : "a rate per unit, not overdispersed: u chart");
    }
}
