using Quality.Pipeline.Messages;

namespace Quality.Pipeline.Storage;

/// <summary>Sends the pipeline's messages: small JSON envelopes with references, base64-encoded for the queue trigger.</summary>
public sealed class PipelineQueues(StorageClients storage, IQueueSignal signal)
{
    public StorageNames Names => storage.Names;

    public Task SendIngestAsync(string runId, CancellationToken cancellationToken) =>
        SendAsync(storage.Names.Ingest, PipelineJson.Serialize(RunMessage.For(runId)), cancellationToken);

    public Task SendFinalizeAsync(string runId, CancellationToken cancellationToken) =>
        SendAsync(storage.Names.Finalize, PipelineJson.Serialize(RunMessage.For(runId)), cancellationToken);

    public Task SendComputeAsync(ComputeMessage message, CancellationToken cancellationToken) =>
        SendAsync(storage.Names.Compute, PipelineJson.Serialize(message), cancellationToken);

    public Task SendArrivalAsync(BlobCreatedEvent arrival, CancellationToken cancellationToken) =>
        SendAsync(storage.Names.BatchArrivals, PipelineJson.Serialize(arrival), cancellationToken);

    public async Task SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        await storage.Queue(queue).SendMessageAsync(body, cancellationToken);
        signal.Notify(queue);
    }
}

/// <summary>
/// Told when this process enqueues a message, so a local queue pump can skip its polling back-off — what the
/// Functions host's shared queue watcher does for functions in one app.
/// </summary>
public interface IQueueSignal
{
    void Notify(string queue);
}
