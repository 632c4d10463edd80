using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Quality.Functions.Orchestration;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;

namespace Quality.Functions.Batches;

/// <summary>
/// A blob landed in <c>incoming</c> (Event Grid's BlobCreated in Azure; the dev host's watcher locally). The arrival
/// is validated and listed as a Pending run, then its audit starts with the run id as the instance id: the same blob
/// reported twice starts nothing new, a changed blob is a new run, and a run whose audit never started (the process
/// died in between) is started when the blob is seen again.
/// </summary>
internal sealed partial class OnBatchArrived(BatchArrival arrival, ILogger<OnBatchArrived> logger)
{
    [Function(nameof(OnBatchArrived))]
    public async Task RunAsync(
        [BlobTrigger("incoming/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(client);
        if (await arrival.HandleAsync(blob.Name, cancellationToken) is { Status: RunStatus.Pending } arrived
            && await SingleInstance.StartAsync(client, AuditBatch.Name, new AuditRequest(arrived.RunId), arrived.RunId, cancellationToken))
        {
            LogStarted(logger, arrived.RunId, blob.Name);
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Audit {RunId} started for {BlobName}")]
    private static partial void LogStarted(ILogger logger, string runId, string blobName);
}
