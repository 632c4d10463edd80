using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.ModelLinkage;
using Quality.Domain.Standards;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.ModelLinkage;

/// <summary>
/// The audited deliveries that model versions name as training data, read from storage into the same
/// <see cref="TrainingDelivery"/> the command line reads <c>quality audit --json</c> into: gold errors per class from the
/// stored confusion, the verdict with its failed rules, the headline agreement, and the pipeline's open findings that
/// were seen in the delivery's batch. A delivery's date is the UTC day its batch arrived; a delivery delivered again
/// counts once, as its latest completed batch.
/// </summary>
public sealed class StoredTrainingDeliveries(TableBatchStore batches, BlobReportStore reports, TableFindingStore findings)
{
    private const int PageSize = 1000;

    public async Task<IReadOnlyList<TrainingDelivery>> ReadAsync(IReadOnlyList<ModelEvaluation> evaluations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        var ids = evaluations.SelectMany(e => e.TrainedOn.Deliveries).ToHashSet(StringComparer.Ordinal);
        var pipelines = evaluations.SelectMany(e => e.TrainedOn.Pipelines.Select(p => p.Pipeline)).ToHashSet(StringComparer.Ordinal);

        // Ids may be of any pipeline: then every batch is listed; else only the named pipelines' partitions.
        var listed = new List<BatchSummary>();
        foreach (var partition in ids.Count > 0 ? [null] : pipelines.Select(p => (string?)p))
        {
            string? token = null;
            do
            {
                var page = await batches.ListAsync(partition, PageSize, token, cancellationToken);
                listed.AddRange(page.Batches);
                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        var latest = listed
            .Where(b => b is { Status: RunStatus.Completed, Reviews: null, Pipeline: not null, DeliveryId: not null })
            .Where(b => ids.Contains(b.DeliveryId!) || pipelines.Contains(b.Pipeline!))
            .GroupBy(b => (b.Pipeline, b.DeliveryId))
            .Select(g => g.OrderByDescending(b => b.CreatedTime).First())
            .ToList();

        var open = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        var deliveries = new List<TrainingDelivery>();
        foreach (var batch in latest.OrderBy(b => b.CreatedTime))
        {
            if (!open.TryGetValue(batch.Pipeline!, out var pipelineFindings))
            {
                open[batch.Pipeline!] = pipelineFindings = await findings.ListAsync(batch.Pipeline, FindingStatus.Open, null, cancellationToken);
            }

            deliveries.Add(await ReadAsync(batch, pipelineFindings, cancellationToken));
        }

        return deliveries;
    }

    private async Task<TrainingDelivery> ReadAsync(BatchSummary batch, IReadOnlyList<Finding> open, CancellationToken cancellationToken)
    {
        var audit = await reports.ReadAsync(batch.BatchId, BlobReportStore.Audit, cancellationToken) is { } a ? ReportJson.Deserialize<SpatialReportView>(a) : null;
        var verdict = await reports.ReadAsync(batch.BatchId, BlobReportStore.Verdict, cancellationToken) is { } v ? ReportJson.Deserialize<Verdict>(v) : null;
        var alpha = batch.Metrics is { } m ? AgreementView.Defined(m.KrippendorffAlpha) : null;
        var delivery = TrainingDelivery.Of(batch.Pipeline!, batch.Vendor, batch.DeliveryId!, DateOnly.FromDateTime(batch.CreatedTime.UtcDateTime),
            audit?.Audit.Confusion, verdict, alpha);
        return delivery with
        {
            BatchId = batch.BatchId,
            Findings = [.. delivery.Findings, .. open.Where(f => f.Batches.Contains(batch.BatchId, StringComparer.Ordinal))
                .Select(f => new LabelFinding("finding", f.Id, f.Classes, f.Statement))],
        };
    }
}
