using Quality.Domain.Formats;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Runs;

/// <summary>
/// How a run's record changes on Azurite: a run that is not finished can be failed with its reason (what the
/// orchestration does when a step fails on every retry), and a finished run never changes again.
/// </summary>
public sealed class RunChangesTests
{
    private const string Reason = "Compute failed on every attempt: shard 0 of the run is gone (BlobNotFound)";

    [Fact]
    public async Task FailAsync_RunningRun_FailedWithTheReasonInTheRecordTheHistoryAndTheList()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var runId = await RunningAsync(pipeline, "vendor/fails.jsonl");

        var failed = await pipeline.Get<RunChanges>().FailAsync(runId, Reason, CancellationToken.None);

        Assert.Equal((RunStatus.Failed, Reason), (failed!.Status, failed.Reason));
        var stored = await pipeline.RunAsync(runId);
        Assert.Equal((RunStatus.Failed, Reason, failed.ETag), (stored.Status, stored.Reason, stored.ETag));
        var history = await pipeline.Get<TableRunStore>().ListHistoryAsync(runId, CancellationToken.None);
        Assert.Equal([(RunStatus.Pending, null), (RunStatus.Running, null), (RunStatus.Failed, Reason)], history.Select(h => (h.Status, h.Reason)));
        var listed = Assert.Single((await pipeline.Get<TableBatchStore>().ListAsync(null, 100, null, CancellationToken.None)).Batches);
        Assert.Equal((runId, RunStatus.Failed, Reason), (listed.BatchId, listed.Status, listed.Reason));
    }

    [Fact]
    public async Task FailAsync_FailedRun_KeepsTheFirstReasonAndLaterStepsChangeNothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var runId = await RunningAsync(pipeline, "vendor/fails-twice.jsonl");
        var changes = pipeline.Get<RunChanges>();
        var failed = await changes.FailAsync(runId, Reason, CancellationToken.None);

        var again = await changes.FailAsync(runId, "a later failure", CancellationToken.None);
        var ingested = await pipeline.Get<Ingest>().RunAsync(runId, CancellationToken.None);
        await pipeline.Get<Compute>().RunAsync(runId, WorkKeys.BatchAudit, 0, CancellationToken.None);
        var finalized = await pipeline.Get<Finalize>().RunAsync(runId, CancellationToken.None);

        Assert.Equal((RunStatus.Failed, Reason), (again!.Status, again.Reason));
        Assert.Equal((new Ingested(RunStatus.Failed, 0), RunStatus.Failed), (ingested, finalized));
        var stored = await pipeline.RunAsync(runId);
        Assert.Equal((RunStatus.Failed, Reason, failed!.ETag, null), (stored.Status, stored.Reason, stored.ETag, stored.Metrics));
        var history = await pipeline.Get<TableRunStore>().ListHistoryAsync(runId, CancellationToken.None);
        Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Failed], history.Select(h => h.Status));
    }

    [Fact]
    public async Task FailAndReject_CompletedRun_ChangeNothingAndQuarantineNothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var completed = await pipeline.DeliverAndAuditAsync("vendor/done.jsonl", DeliveryGenerator.Generate(items: 20, seed: 6));
        var changes = pipeline.Get<RunChanges>();

        var failed = await changes.FailAsync(completed.Id, Reason, CancellationToken.None);
        var rejected = await changes.RejectAsync(completed.Id, new DeliveryFormatException("vendor/done.jsonl", 3, "label", "is not a label"), CancellationToken.None);

        Assert.Equal((RunStatus.Completed, completed.ETag), (failed!.Status, failed.ETag));
        Assert.Equal((RunStatus.Completed, completed.ETag), (rejected!.Status, rejected.ETag));
        var stored = await pipeline.RunAsync(completed.Id);
        Assert.Equal((RunStatus.Completed, completed.ETag, completed.CompletedTime, null), (stored.Status, stored.ETag, stored.CompletedTime, stored.Reason));
        var history = await pipeline.Get<TableRunStore>().ListHistoryAsync(completed.Id, CancellationToken.None);
        Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Completed], history.Select(h => h.Status));
        var quarantined = pipeline.Storage.Container(pipeline.Storage.Names.Quarantine).GetBlobsAsync(
            Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, completed.Id + "/", CancellationToken.None);
        Assert.Empty(await quarantined.ToListAsync());
    }

    /// <summary>A delivered run, ingested and not yet finalised.</summary>
    private static async Task<string> RunningAsync(TestPipeline pipeline, string name)
    {
        var runId = await pipeline.DeliverAsync(name, DeliveryGenerator.Generate(items: 20, seed: 5));
        Assert.Equal(RunStatus.Running, (await pipeline.Get<Ingest>().RunAsync(runId, CancellationToken.None)).Status);
        return runId;
    }
}
