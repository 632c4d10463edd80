using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;
using Quality.Domain.Sampling;
using Quality.Domain.Spc.Series;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Reports;

/// <summary>
/// A completed batch's report sources from storage: the report blobs Finalize wrote (read back into the views they were
/// written from) and the pipeline's headline series up to and including the batch, charted under the standard pinned to
/// the run — so the report of a batch is the same document whenever it is asked for.
/// </summary>
public sealed class BatchReportReader(BlobReportStore reports, TableSeriesStore series, BlobStandardStore standards, TableFindingStore findings)
{
    public const string PipelineSource = "the pipeline";

    public async Task<BatchReportSources> ReadAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var standard = run.Standard is { } reference ? await standards.GetAsync(reference, cancellationToken) : null;
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        if (run.Reviews is not null)
        {
            missing["sample"] = $"No review sample: this batch is itself a review of batch {run.Reviews}; reviews are not sampled.";
            missing["verdict"] = $"No verdict: this batch is a review of batch {run.Reviews}; it decides that lot instead of being judged.";
        }

        if (run.Pipeline is not null && run.Reviews is null && run.Standard is null)
        {
            missing["verdict"] = $"No verdict: pipeline {run.Pipeline} had no quality standard when this batch was ingested; publish one (PUT /api/standards/{run.Pipeline}) and the next delivery is judged by it.";
        }

        return new BatchReportSources
        {
            Batch = new BatchIdentity(run.Id, run.Pipeline, run.Vendor, run.DeliveryId, run.Taxonomy, run.Standard, run.CreatedTime, run.CompletedTime,
                CountsView.From(run.Metrics), PipelineSource),
            Agreement = await ReadAsync<AgreementSuiteView>(run.Id, BlobReportStore.Agreement, cancellationToken),
            Objects = await ReadAsync<SpatialReportView>(run.Id, BlobReportStore.Audit, cancellationToken),
            TagGold = await ReadAsync<TagGoldView>(run.Id, BlobReportStore.TagGold, cancellationToken),
            Violations = await ReadAsync<ViolationReport>(run.Id, BlobReportStore.Violations, cancellationToken),
            Verdict = await ReadAsync<Verdict>(run.Id, BlobReportStore.Verdict, cancellationToken),
            Findings = await ReadAsync<BatchFindings>(run.Id, BlobReportStore.Findings, cancellationToken),
            Sample = await ReadAsync<AuditSample>(run.Id, BlobReportStore.Sample, cancellationToken),
            RootCauses = await ReadAsync<Quality.Domain.RootCauses.RootCauseReport>(run.Id, BlobReportStore.RootCauses, cancellationToken),
            Disposition = await ReadAsync<LotDecision>(run.Id, BlobReportStore.Disposition, cancellationToken),
            Series = run.Pipeline is null || run.Reviews is not null ? [] : await SeriesAsync(run, standard, cancellationToken),
            Missing = missing,
        };
    }

    private async Task<IReadOnlyList<ReportSeries>> SeriesAsync(Run run, QualityStandard? standard, CancellationToken cancellationToken)
    {
        var charted = new List<ReportSeries>();
        var causes = await AssignableCauses.ReadAsync(findings, run.Pipeline!, cancellationToken);
        foreach (var metric in MonitoredMetric.All)
        {
            var stored = await series.ReadAsync(new SeriesKey(run.Pipeline!, metric.Name, null, null), cancellationToken);
            var index = stored.Select(p => p.BatchId).ToList().IndexOf(run.Id);
            if (index < 0)
            {
                continue;
            }

            var points = AssignableCauses.Points([.. stored.Take(index + 1)], causes);
            var settings = SeriesSettings.Of(standard, metric);
            var (result, reason) = settings.Compute(points, metric.Kind);
            charted.Add(new ReportSeries(metric, null, result, index + 1, reason, settings));
        }

        return charted;
    }

    private async Task<T?> ReadAsync<T>(string batchId, string report, CancellationToken cancellationToken) where T : class =>
        await reports.ReadAsync(batchId, report, cancellationToken) is { } json ? ReportJson.Deserialize<T>(json) : null;
}
