using Azure;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Local;

/// <summary>
/// Stands in for Event Grid locally: lists <c>incoming</c>, and for each blob version (name, ETag) not seen before
/// enqueues the same BlobCreated event Event Grid would. After a restart everything looks new once; the arrival
/// handler is idempotent, so that only costs a lookup per blob.
/// </summary>
internal sealed partial class LocalBlobWatcher(
    BlobDeliveryStore deliveries,
    PipelineQueues queues,
    TimeProvider time,
    IOptions<LocalDriverOptions> options,
    ILogger<LocalBlobWatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BlobScanInterval, time);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (RequestFailedException ex)
            {
                LogScanFailed(logger, ex);
            }
        }
        while (await timer.TickAsync(stoppingToken));
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        await foreach (var (name, etag) in deliveries.ListAsync(cancellationToken))
        {
            if (_seen.TryGetValue(name, out var seen) && seen == etag)
            {
                continue;
            }

            await queues.SendArrivalAsync(new BlobCreatedEvent
            {
                Id = Guid.NewGuid().ToString(),
                EventType = BlobCreatedEvent.BlobCreatedType,
                Subject = BlobCreatedEvent.SubjectFor(deliveries.IncomingContainer, name),
                EventTime = time.GetUtcNow(),
                Data = new BlobCreatedData { ETag = etag, Api = "PutBlob" },
            }, cancellationToken);
            _seen[name] = etag;
            LogArrived(logger, name, etag);
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Blob {BlobName} ({ETag}) arrived")]
    private static partial void LogArrived(ILogger logger, string blobName, string etag);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Scanning incoming failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
