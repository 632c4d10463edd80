using Azure;
using Microsoft.Extensions.Logging;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// <c>OnBatchArrived</c>: a blob landed in <c>incoming</c>. Reads its header, creates the run (idempotent on blob
/// name and content) and enqueues ingest; a bad header rejects the run at once.
/// </summary>
public sealed partial class BatchArrival(
    BlobDeliveryStore deliveries,
    TableRunStore runs,
    TableBatchStore batches,
    PipelineQueues queues,
    RunLedger ledger,
    ILogger<BatchArrival> logger)
{
    /// <summary>The header must fit in this many bytes (it is one short line).</summary>
    private const int HeaderBytes = 64 * 1024;

    public async Task HandleAsync(BlobCreatedEvent arrival, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        if (arrival.ParseSubject() is not { } target || target.Container != deliveries.IncomingContainer)
        {
            LogIgnored(logger, arrival.Subject);
            return;
        }

        var blob = await deliveries.GetAsync(target.BlobName, cancellationToken);
        if (blob is null)
        {
            LogIgnored(logger, arrival.Subject);
            return;
        }

        var runId = RunIds.For(blob.Name, blob.ContentKey);
        if (await runs.GetAsync(runId, cancellationToken) is not null)
        {
            // The same delivery reported again (several watchers, an Event Grid retry). Its ingest message is on its way;
            // were it lost, the sweeper re-drives the pending run. Sending another here made every watcher ingest twice.
            return;
        }

        var (header, error) = await ReadHeaderAsync(blob, cancellationToken);
        var now = ledger.Now;
        var run = new Run
        {
            Id = runId,
            BlobName = blob.Name,
            BlobETag = blob.ETag,
            ContentKey = blob.ContentKey,
            BlobSize = blob.Size,
            Pipeline = header?.Pipeline,
            Vendor = header?.Vendor,
            DeliveryId = header?.DeliveryId,
            Taxonomy = header?.Taxonomy.ToString(),
            Status = error is null ? RunStatus.Pending : RunStatus.Rejected,
            Reason = error?.Message,
            CreatedTime = now,
            LastUpdatedTime = now,
        };
        if (!await runs.TryCreateAsync(run, ledger.Host, cancellationToken))
        {
            return; // Another worker created it and sends the ingest message.
        }

        LogCreated(logger, runId, blob.Name, run.Status);
        var created = await runs.GetAsync(runId, cancellationToken) ?? run;
        await batches.ProjectAsync(created, cancellationToken);
        if (error is not null)
        {
            await deliveries.QuarantineAsync(blob.Name, blob.ETag,
                new RejectionReport(runId, blob.Name, error.File, error.Line, error.Field, error.Problem, error.Message, now),
                cancellationToken);
            return;
        }

        await queues.SendIngestAsync(runId, cancellationToken);
    }

    private async Task<(DeliveryHeader?, DeliveryFormatException?)> ReadHeaderAsync(DeliveryBlob blob, CancellationToken cancellationToken)
    {
        if (blob.Size == 0)
        {
            return (null, new DeliveryFormatException(blob.Name, 0, null, "is empty; a delivery starts with a header line"));
        }

        try
        {
            await using var head = await deliveries.OpenHeadAsync(blob.Name, blob.ETag, HeaderBytes, cancellationToken);
            using var reader = new CanonicalDeliveryReader(head, blob.Name);
            return (await reader.ReadHeaderAsync(cancellationToken), null);
        }
        catch (DeliveryFormatException ex)
        {
            return (null, ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Replaced while we looked: the new version raises its own event and gets its own run.
            throw new InvalidOperationException($"{blob.Name} changed while its header was read; retrying.", ex);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Ignored blob event for {Subject}")]
    private static partial void LogIgnored(ILogger logger, string subject);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Run {RunId} created for {BlobName}: {Status}")]
    private static partial void LogCreated(ILogger logger, string runId, string blobName, RunStatus status);
}
