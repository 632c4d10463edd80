using Azure.Storage.Blobs;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Tests.Shared;

/// <summary>What the tests do to a pipeline: land a blob as any storage client would, report it as Event Grid would.</summary>
internal static class PipelineTestExtensions
{
    public static BlobClient IncomingBlob(this TestPipeline pipeline, string name) =>
        pipeline.Storage.Container(pipeline.Storage.Names.Incoming).GetBlobClient(name);

    /// <summary>Uploads in one shot (so the service records Content-MD5) and enqueues the BlobCreated event.</summary>
    public static async Task<string> DeliverAsync(this TestPipeline pipeline, string name, string content)
    {
        await pipeline.IncomingBlob(name).UploadAsync(BinaryData.FromString(content), overwrite: true);
        await pipeline.ReportArrivalAsync(name);
        var blob = await pipeline.Get<BlobDeliveryStore>().GetAsync(name, CancellationToken.None);
        return RunIds.For(name, blob!.ContentKey);
    }

    public static Task ReportArrivalAsync(this TestPipeline pipeline, string name) =>
        pipeline.Get<PipelineQueues>().SendArrivalAsync(new BlobCreatedEvent
        {
            Id = Guid.NewGuid().ToString(),
            EventType = BlobCreatedEvent.BlobCreatedType,
            Subject = BlobCreatedEvent.SubjectFor(pipeline.Storage.Names.Incoming, name),
        }, CancellationToken.None);

    public static async Task<Run> RunAsync(this TestPipeline pipeline, string runId) =>
        await pipeline.Get<TableRunStore>().GetAsync(runId, CancellationToken.None)
        ?? throw new InvalidOperationException($"No run {runId}");
}
