using Quality.Domain.Audit;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Monitoring;

/// <summary>
/// What Finalize does for monitoring across deliveries: adds the batch's figures to its pipeline's series and keeps
/// its error counts as history. Writes are keyed by the batch, so a redelivered Finalize repeats them harmlessly.
/// A batch without a pipeline has no series to join.
/// </summary>
public sealed class BatchMonitor(TableSeriesStore series)
{
    public async Task RecordAsync(Run run, BatchAuditResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        if (SeriesBatchOf(run) is not { } batch)
        {
            return;
        }

        await series.RecordAsync(batch, SeriesFigures.Of(result), cancellationToken);
        await series.RecordErrorsAsync(batch, BatchErrorCounts.Of(result), cancellationToken);
    }

    /// <summary>The phase is the taxonomy version: a new version can change what counts as an error, so limits restart.</summary>
    public static SeriesBatch? SeriesBatchOf(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Pipeline is null ? null : new SeriesBatch(run.Pipeline, run.Vendor, run.Id, run.CreatedTime, run.Taxonomy ?? "no taxonomy");
    }
}
