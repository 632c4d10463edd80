using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Spc.Series;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Reports;
using Quality.Pipeline.Reports.Charts;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Dashboard;

/// <summary>
/// Reads what the dashboard shows: the newest batches by pipeline and vendor, every open finding, and per pipeline the
/// control chart of its first headline series that has points (gold error rate, then violation rate, α, mean IoU,
/// violations per item), charted under the pipeline's current standard with the newest delivery marked.
/// </summary>
public sealed class DashboardReader(TableBatchStore batches, TableFindingStore findings, TableSeriesStore series, BlobStandardStore standards, TimeProvider time)
{
    /// <summary>The newest batches the page lists; the rest are a page of <c>/api/batches</c> away.</summary>
    public const int Newest = 200;

    private static readonly MonitoredMetric[] ChartOrder =
        [MonitoredMetric.GoldErrorRate, MonitoredMetric.ViolationRate, MonitoredMetric.Alpha, MonitoredMetric.MeanIou, MonitoredMetric.ViolationsPerItem];

    public async Task<DashboardView> ReadAsync(CancellationToken cancellationToken)
    {
        var page = await batches.ListAsync(null, Newest, null, cancellationToken);
        var open = await findings.ListAsync(null, FindingStatus.Open, null, cancellationToken);
        var names = page.Batches.Select(b => b.Pipeline ?? "(unknown)").Concat(open.Select(f => f.Pipeline))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var pipelines = new List<DashboardPipeline>();
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            var vendors = page.Batches.Where(b => (b.Pipeline ?? "(unknown)") == name)
                .GroupBy(b => b.Vendor ?? "(unknown)", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DashboardVendor(g.Key, [.. g]))
                .ToList();
            var (chart, missing) = name == "(unknown)" ? (null, "No control chart: these deliveries named no pipeline.") : await ChartAsync(name, index, cancellationToken);
            pipelines.Add(new DashboardPipeline(name, vendors, chart, missing, [.. open.Where(f => f.Pipeline == name)]));
        }

        return new DashboardView(time.GetUtcNow(), pipelines, page.Batches.Count, page.ContinuationToken is not null);
    }

    private async Task<(ChartFigure? Chart, string? Missing)> ChartAsync(string pipeline, int index, CancellationToken cancellationToken)
    {
        foreach (var metric in ChartOrder)
        {
            var stored = await series.ReadAsync(new SeriesKey(pipeline, metric.Name, null, null), cancellationToken);
            if (stored.Count == 0)
            {
                continue;
            }

            var standard = await standards.CurrentAsync(pipeline, cancellationToken);
            var points = AssignableCauses.Points(stored, await AssignableCauses.ReadAsync(findings, pipeline, cancellationToken));
            var settings = SeriesSettings.Of(standard, metric);
            var (chart, reason) = settings.Compute(points, metric.Kind);
            var summary = $"{metric.Name} over the pipeline's {points.Count} deliveries, the newest marked: {chart.Chart.ToName()} chart ({reason}), {chart.Signals.Count} signals; {chart.Note}.";
            var figure = ControlChart.Figure($"dashboard-spc-{index + 1}", $"{pipeline}: {metric.Name}", SpcPart.AxisTitle(metric.Name), chart, points.Count, summary);
            return (figure, null);
        }

        return (null, "No control chart yet: no delivery of this pipeline has completed.");
    }
}
