using Microsoft.AspNetCore.Mvc;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Api;

/// <summary>
/// <c>GET /api/pipelines/{pipeline}/spc/{metric}</c>: a monitored series charted across deliveries, with its phases,
/// per-point limits and the signals of the chosen rules. Without <c>chart</c> the metric's kind decides: a proportion
/// gets a p chart unless its baseline is overdispersed, when Laney's p′ is used and the answer says so (u and u′ alike);
/// a continuous figure gets an individuals chart.
/// </summary>
internal static class SpcEndpoints
{
    private const int MaxBaseline = 1000;

    public static IEndpointRouteBuilder MapSpcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pipelines/{pipeline}/spc", (string pipeline) => !CanonicalFormat.IsSafeName(pipeline)
            ? BadPipeline(pipeline)
            : TypedResults.Ok(new { pipeline, metrics = MonitoredMetric.All.Select(m => new { m.Name, Kind = m.Kind.ToString(), m.Description }) }));
        app.MapGet("/api/pipelines/{pipeline}/spc/{metric}", ChartAsync);
        return app;
    }

    private static async Task<IResult> ChartAsync(
        string pipeline,
        string metric,
        [FromQuery(Name = "class")] string? subject,
        [FromQuery] string? vendor,
        [FromQuery] string? chart,
        [FromQuery] int? baseline,
        [FromQuery] string? rules,
        TableSeriesStore series,
        CancellationToken cancellationToken)
    {
        if (!CanonicalFormat.IsSafeName(pipeline))
        {
            return BadPipeline(pipeline);
        }

        if (MonitoredMetric.Find(metric) is not { } monitored)
        {
            return Problems.NotFound($"'{metric}' is not a monitored metric; one of {string.Join(", ", MonitoredMetric.All.Select(m => m.Name))}.");
        }

        ChartKind? requested = null;
        if (chart is not null)
        {
            if (!ChartKinds.TryParse(chart, out var kind) || !Fits(kind, monitored.Kind))
            {
                return Problems.BadRequest("chart", $"'{chart}' does not chart {monitored.Name}; use one of {string.Join(", ", FittingCharts(monitored.Kind).Select(k => k.ToName()))}.");
            }

            requested = kind;
        }

        var ruleSet = RuleSet.WesternElectric;
        if (rules is not null && !RuleSets.TryParse(rules, out ruleSet))
        {
            return Problems.BadRequest("rules", $"'{rules}' is not a rule set; one of {string.Join(", ", RuleSets.All)}.");
        }

        if (baseline is < 2 or > MaxBaseline)
        {
            return Problems.BadRequest("baseline", $"must be between 2 and {MaxBaseline} deliveries.");
        }

        var stored = await series.ReadAsync(new SeriesKey(pipeline, monitored.Name, subject, vendor), cancellationToken);
        var points = stored.Select(p => new SeriesPoint(p.BatchId, p.Count, p.Size, p.Value, p.Phase)).ToList();
        var options = new SeriesChartOptions { Chart = requested ?? Default(monitored.Kind), BaselineLength = baseline ?? 20, Rules = ruleSet };
        var (result, reason) = requested is null ? Choose(points, options, monitored.Kind) : (SeriesChart.Compute(points, options), "requested");
        return TypedResults.Ok(SpcChartView.From(pipeline, monitored, subject, vendor, stored, result, reason));
    }

    /// <summary>p (u) unless the current phase's baseline is overdispersed, then Laney p′ (u′); individuals for figures.</summary>
    private static (SeriesChartResult Result, string Reason) Choose(List<SeriesPoint> points, SeriesChartOptions options, MetricKind kind)
    {
        var classical = SeriesChart.Compute(points, options);
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

    private static ChartKind Default(MetricKind kind) => kind switch
    {
        MetricKind.Proportion => ChartKind.P,
        MetricKind.RatePerUnit => ChartKind.U,
        _ => ChartKind.Individuals,
    };

    private static IEnumerable<ChartKind> FittingCharts(MetricKind kind) => Enum.GetValues<ChartKind>().Where(k => Fits(k, kind));

    private static bool Fits(ChartKind chart, MetricKind kind) => kind switch
    {
        MetricKind.Proportion => chart.IsProportion(),
        MetricKind.RatePerUnit => chart is ChartKind.U or ChartKind.LaneyU,
        _ => !chart.IsAttribute(),
    };

    private static IResult BadPipeline(string pipeline) =>
        Problems.BadRequest("pipeline", $"'{pipeline}' is not a pipeline name (letters, digits, '.', '_', '-'; up to 63).");
}
