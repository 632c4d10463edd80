using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Quality.Domain.Audit;
using Quality.Domain.Spc.Series;
using Quality.Functions.Http;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Spc;

/// <summary>
/// <c>GET /api/pipelines/{pipeline}/spc/{metric}</c>: a monitored series charted across deliveries, with its phases,
/// per-point limits and the signals of the chosen rules. The query's <c>chart</c>, <c>baseline</c> and <c>rules</c> win;
/// where it gives none, the pipeline's current standard's <c>spc</c> section sets them (<see cref="SeriesSettings.Of"/>),
/// else the defaults: Western Electric rules, a 20-delivery baseline, and a chart the metric's kind decides — a
/// proportion gets a p chart unless its baseline is overdispersed, when Laney's p′ is used and the answer says so (u and
/// u′ alike); a continuous figure gets an individuals chart. The answer says where each setting came from. Phase I drops
/// an out-of-control baseline delivery only when its findings name an assignable cause (<see cref="AssignableCauses"/>).
/// </summary>
internal sealed class SpcFunctions(TableSeriesStore series, BlobStandardStore standards, KnownSubjects known, TableFindingStore findings)
{
    private const int MaxBaseline = 1000;

    /// <summary><c>GET /api/pipelines/{pipeline}/spc</c>: the metrics a pipeline's deliveries are charted on.</summary>
    [Function("ListSpcMetrics")]
    public async Task<IResult> ListMetricsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pipelines/{pipeline}/spc")] HttpRequest request, string pipeline, CancellationToken cancellationToken) =>
        PipelineName.Problem(pipeline)
        ?? Problems.Unknown(await known.CheckAsync(pipeline, null, cancellationToken), pipeline, null)
        ?? TypedResults.Ok(new SpcMetricListView(pipeline, [.. MonitoredMetric.All.Select(m => new SpcMetricView(m.Name, m.Kind.ToString(), m.Description))]));

    [Function("GetSpcChart")]
    public async Task<IResult> GetChartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/pipelines/{pipeline}/spc/{metric}")] HttpRequest request,
        string pipeline,
        string metric,
        CancellationToken cancellationToken)
    {
        if (PipelineName.Problem(pipeline) is { } badPipeline)
        {
            return badPipeline;
        }

        if (MonitoredMetric.Find(metric) is not { } monitored)
        {
            return Problems.NotFound($"'{metric}' is not a monitored metric; one of {string.Join(", ", MonitoredMetric.All.Select(m => m.Name))}.");
        }

        ChartKind? requested = null;
        if (Query.String(request, "chart") is { } chart)
        {
            if (!ChartKinds.TryParse(chart, out var kind) || !MetricChart.Fits(kind, monitored.Kind))
            {
                return Problems.BadRequest("chart", $"'{chart}' does not chart {monitored.Name}; use one of {string.Join(", ", MetricChart.Fitting(monitored.Kind).Select(k => k.ToName()))}.");
            }

            requested = kind;
        }

        RuleSet? requestedRules = null;
        if (Query.String(request, "rules") is { } rules)
        {
            if (!RuleSets.TryParse(rules, out var ruleSet))
            {
                return Problems.BadRequest("rules", $"'{rules}' is not a rule set; one of {string.Join(", ", RuleSets.All)}.");
            }

            requestedRules = ruleSet;
        }

        if (!Query.TryInt(request, "baseline", out var baseline))
        {
            return Problems.BadRequest("baseline", $"must be a whole number between 2 and {MaxBaseline} deliveries.");
        }

        if (baseline is < 2 or > MaxBaseline)
        {
            return Problems.BadRequest("baseline", $"must be between 2 and {MaxBaseline} deliveries.");
        }

        var subject = Query.String(request, "class");
        var vendor = Query.String(request, "vendor");
        if (Problems.Unknown(await known.CheckAsync(pipeline, vendor, cancellationToken), pipeline, vendor) is { } unknown)
        {
            return unknown;
        }

        var standard = await standards.CurrentAsync(pipeline, cancellationToken);
        var settings = SeriesSettings.Of(standard, monitored).WithQuery(requested, requestedRules, baseline);
        var stored = await series.ReadAsync(new SeriesKey(pipeline, monitored.Name, subject, vendor), cancellationToken);
        var points = AssignableCauses.Points(stored, await AssignableCauses.ReadAsync(findings, pipeline, cancellationToken));
        var (result, reason) = settings.Compute(points, monitored.Kind);
        return TypedResults.Ok(SpcChartView.From(pipeline, monitored, subject, vendor, stored, result, reason, settings));
    }
}
