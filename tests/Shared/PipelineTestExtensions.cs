using Azure.Storage.Blobs;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Tests.Shared;

/// <summary>
/// What the tests do to a pipeline: land a blob as any storage client would, report its arrival as the blob trigger
/// would, and run the audit's steps in this process in the order the AuditBatch orchestration calls them.
/// </summary>
internal static class PipelineTestExtensions
{
    public static BlobClient IncomingBlob(this TestPipeline pipeline, string name) =>
        pipeline.Storage.Container(pipeline.Storage.Names.Incoming).GetBlobClient(name);

    /// <summary>
    /// Uploads in one shot (so the service records Content-MD5) and reports the arrival; the run is then Pending (or
    /// Rejected). A file of a multi-file delivery starts no run: its name is returned instead of a run id.
    /// </summary>
    public static async Task<string> DeliverAsync(this TestPipeline pipeline, string name, string content)
    {
        await pipeline.IncomingBlob(name).UploadAsync(BinaryData.FromString(content), overwrite: true);
        return (await pipeline.ArriveAsync(name))?.RunId ?? name;
    }

    /// <summary>The blob trigger's work: the arrival validated and its run listed.</summary>
    public static Task<Arrival?> ArriveAsync(this TestPipeline pipeline, string name) =>
        pipeline.Get<BatchArrival>().HandleAsync(name, CancellationToken.None);

    /// <summary>
    /// The audit's activities in the orchestration's order: ingest, every shard × kind, finalize. A test of the steps,
    /// not of the orchestration (whose own tests run it on the Durable engine).
    /// </summary>
    public static async Task<Run> AuditAsync(this TestPipeline pipeline, string runId)
    {
        var ingested = await pipeline.Get<Ingest>().RunAsync(runId, CancellationToken.None);
        if (ingested.Status == RunStatus.Running)
        {
            foreach (var kind in WorkKeys.Kinds)
            {
                for (var shard = 0; shard < ingested.Shards; shard++)
                {
                    await pipeline.Get<Compute>().RunAsync(runId, kind, shard, CancellationToken.None);
                }
            }

            await pipeline.Get<Finalize>().RunAsync(runId, CancellationToken.None);
        }

        return await pipeline.RunAsync(runId);
    }

    /// <summary>Delivers and audits: the run as it ends.</summary>
    public static async Task<Run> DeliverAndAuditAsync(this TestPipeline pipeline, string name, string content) =>
        await pipeline.AuditAsync(await pipeline.DeliverAsync(name, content));

    public static async Task<Run> RunAsync(this TestPipeline pipeline, string runId) =>
        await pipeline.Get<TableRunStore>().GetAsync(runId, CancellationToken.None)
        ?? throw new InvalidOperationException($"No run {runId}");
}
