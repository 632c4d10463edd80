using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Spc.Series;
using static Quality.Domain.Audit.ReportText;

namespace Quality.Pipeline.Monitoring;

/// <summary>
/// A process-signal finding when a batch's own point on a headline series (a metric for the whole pipeline) completes
/// a control-chart signal: beyond the limits, or a run of the settings' rules (Western Electric or Nelson). The
/// settings are the standard's <c>spc</c> section (<see cref="SeriesSettings.Of"/>); by default the rules are Western
/// Electric's, the baseline 20 deliveries and the chart the metric's default (<see cref="MetricChart.Choose"/>), so an
/// overdispersed proportion is judged on Laney's limits. A series still warming up signals nothing. One finding per
/// metric: a later signal on the same metric updates it.
/// </summary>
public static class ProcessSignals
{
    /// <param name="causes">Batch id → its assignable cause (<see cref="AssignableCauses.Of"/>): Phase I drops an out-of-control baseline delivery only when it has one.</param>
    public static Finding? Detect(
        SeriesBatch batch, MonitoredMetric metric, IReadOnlyList<StoredSeriesPoint> series, SeriesSettings settings, DateTimeOffset seenAt,
        IReadOnlyDictionary<string, string>? causes = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(settings);
        var index = series.Select(p => p.BatchId).ToList().IndexOf(batch.BatchId) + 1;
        if (index == 0)
        {
            return null;
        }

        var points = AssignableCauses.Points(series, causes ?? new Dictionary<string, string>());
        var (chart, reason) = settings.Compute(points, metric.Kind);
        var rules = chart.Signals.Where(s => s.Points[^1] == index).Select(s => s.Rule.ToString()).Distinct().ToList();
        if (rules.Count == 0)
        {
            return null;
        }

        var point = chart.Points[index - 1];
        var noLimits = point.DecisionInterval is null ? "no limits: the phase is warming up" : "a CUSUM chart has no control limits; its sums are held against h";
        var figures = point.DecisionInterval is { } h
            ? Invariant($"{metric.Title} = {Figure(point.Value)}, CUSUM C+ = {Figure(point.CusumUpper ?? double.NaN)} and C− = {Figure(point.CusumLower ?? double.NaN)} against h = {Figure(h)}")
            : Invariant($"{metric.Title} = {Figure(point.Value)} against centre {Figure(point.Center)} and limits [{Figure(point.Lower, noLimits)}, {Figure(point.Upper, noLimits)}]");
        return new Finding
        {
            Pipeline = batch.Pipeline,
            Kind = FindingKind.ProcessSignal,
            ErrorTypeKey = "spc:" + metric.Name,
            Severity = FindingSeverity.Medium,
            Evidence =
            [
                FindingEvidence.Of("value", point.Value, metric.Description),
                FindingEvidence.Of("center", point.Center, $"{chart.Chart.ToName()} chart, phase '{point.Phase}': {reason}", "no centre line: the phase is warming up"),
                FindingEvidence.Of("lcl", point.Lower, whyUndefined: noLimits),
                FindingEvidence.Of("ucl", point.Upper, whyUndefined: noLimits),
                .. point.DecisionInterval is { } decision
                    ? (FindingEvidence[])[FindingEvidence.Of("cusumUpper", point.CusumUpper ?? double.NaN), FindingEvidence.Of("cusumLower", point.CusumLower ?? double.NaN), FindingEvidence.Of("h", decision)]
                    : [],
                new("rules", rules.Count, Invariant(
                    $"{string.Join(", ", rules)}; {settings.Rules.ToName()} rules ({settings.RulesFrom}), baseline of {settings.Baseline} deliveries ({settings.BaselineFrom})")),
            ],
            Batches = [batch.BatchId],
            Statement = Invariant($"Delivery {index} of the series ({batch.BatchId}): {figures} on the {chart.Chart.ToName()} chart; it completes {string.Join(", ", rules)}: the process has shifted."),
            Action = $"Find what changed around this delivery (vendor, guideline, taxonomy, tool, data); this batch's findings say whether one annotator or everyone is behind it. Chart: GET /api/pipelines/{batch.Pipeline}/spc/{metric.Name}.",
            FirstSeen = seenAt,
            LastSeen = seenAt,
        };
    }
}
