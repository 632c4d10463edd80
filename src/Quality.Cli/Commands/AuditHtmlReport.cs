using Quality.Domain.Audit;
using Quality.Domain.Sampling;
using Quality.Domain.Spc.Series;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Reports;
using Quality.Pipeline.Reports.Html;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality audit FILE --html out.html</c>: the batch report of an offline audit, built by the same
/// <see cref="BatchReportBuilder"/> and <see cref="BatchReportPage"/> as <c>GET /api/batches/{id}/report</c>, from the
/// views the pipeline would store for the delivery. Offline there is no history: findings are judged across the
/// annotators only, and each control chart holds this delivery alone.
/// </summary>
internal static class AuditHtmlReport
{
    public const string OfflineSource = "an offline audit (quality audit --html)";

    public static BatchReportSources Sources(
        string file, AuditReport report, DeliveryAudit audit, QualityStandard? standard, TaxonomyChecker? checker, IReadOnlyList<ReviewUnit> frame, TimeProvider time)
    {
        var header = audit.Header;
        var now = time.GetUtcNow();
        var result = audit.Result;
        var batch = new SeriesBatch(header.Pipeline, header.Vendor, header.DeliveryId, now, header.Taxonomy.ToString());
        var missing = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["spc-note"] = "Offline, each series holds this delivery alone, so no limits can be estimated yet; the pipeline charts it against the pipeline's earlier deliveries.",
            ["disposition"] = "No lot disposition: offline, no review of the sample has been delivered; the pipeline decides the lot when QA's review arrives.",
            ["verdict"] = "No verdict: no quality standard was given (quality audit FILE --standard standard.yaml --html report.html).",
        };
        AuditSample? sample = null;
        if (standard?.Sampling is { } sampling)
        {
            sample = AuditSampling.Draw(frame, sampling, AuditSampling.SeedFor(sampling, header.Pipeline, header.Vendor, header.DeliveryId), sampling.StartingSeverity);
        }
        else
        {
            missing["sample"] = standard is null
                ? "No review sample: no quality standard was given, and its sampling section is what sets the plan."
                : $"No review sample: standard {standard.Reference} has no sampling section.";
        }

        return new BatchReportSources
        {
            Batch = new BatchIdentity(file, header.Pipeline, header.Vendor, header.DeliveryId, header.Taxonomy.ToString(), standard?.Reference, null, now,
                report.Counts, OfflineSource),
            Agreement = report.Agreement,
            Objects = result.Spatial.IsEmpty ? null : SpatialReportView.From(result.Spatial, audit.Bootstrap),
            TagGold = report.TagGold,
            Violations = checker is null
                ? new ViolationReport(header.Taxonomy.ToString(), false, "no taxonomy file was given (quality audit FILE --taxonomy taxonomy.yaml)", null)
                : ViolationReport.From(checker.Taxonomy.Reference.ToString(), result.Violations),
            Verdict = report.Verdict,
            Findings = FindingDetector.Detect(batch, BatchErrorCounts.Of(result), [], now),
            Sample = sample,
            RootCauses = report.RootCauses,
            Series = Series(header.DeliveryId, header.Taxonomy.ToString(), result, standard),
            Missing = missing,
        };
    }

    public static async Task WriteAsync(FileInfo html, BatchReportSources sources, CancellationToken cancellationToken) =>
        await File.WriteAllTextAsync(html.FullName, BatchReportPage.Render(BatchReportBuilder.Build(sources)), cancellationToken);

    /// <summary>Each headline figure as a series of one delivery, charted as the pipeline charts it.</summary>
    private static List<ReportSeries> Series(string deliveryId, string phase, BatchAuditResult result, QualityStandard? standard) =>
        [.. SeriesFigures.Of(result).Where(f => f.Class is null).Select(f => (Figure: f, Metric: MonitoredMetric.Find(f.Metric)))
            .Where(f => f.Metric is not null)
            .Select(f =>
            {
                var settings = SeriesSettings.Of(standard, f.Metric!);
                var (chart, reason) = settings.Compute([new SeriesPoint(deliveryId, f.Figure.Count, f.Figure.Size, f.Figure.Value, phase)], f.Metric!.Kind);
                return new ReportSeries(f.Metric, null, chart, 1, reason, settings);
            })];
}
