using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>The run table's concurrency rules, against Azurite's real ETags and entity-group transactions.</summary>
public sealed class TableRunStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TryUpdate_StaleETag_ReturnsNullAndKeepsTheWinner()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableRunStore>();
        var created = await CreateRunningAsync(store, workTotal: 3);

        var winner = await store.TryUpdateAsync(created, created with { Reason = "first" }, "host-a", CancellationToken.None);
        var loser = await store.TryUpdateAsync(created, created with { Reason = "second" }, "host-b", CancellationToken.None);

        Assert.NotNull(winner);
        Assert.Null(loser);
        Assert.Equal("first", (await store.GetAsync(created.Id, CancellationToken.None))!.Reason);
    }

    [Fact]
    public async Task TryRecordWork_SameItemTwice_CountsOnce()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableRunStore>();
        var run = await CreateRunningAsync(store, workTotal: 2);

        var first = await store.TryRecordWorkAsync(run, "batch-audit-00000", "host-a", Now, CancellationToken.None);
        var current = await store.GetAsync(run.Id, CancellationToken.None);
        var again = await store.TryRecordWorkAsync(current!, "batch-audit-00000", "host-b", Now, CancellationToken.None);

        Assert.Equal(WorkRecordingOutcome.Recorded, first.Outcome);
        Assert.Equal(WorkRecordingOutcome.AlreadyRecorded, again.Outcome);
        var stored = await store.GetAsync(run.Id, CancellationToken.None);
        Assert.Equal(1, stored!.WorkDone);
        Assert.Equal(new Dictionary<string, string> { ["batch-audit-00000"] = "host-a" }, await store.ListWorkHostsAsync(run.Id, CancellationToken.None));
    }

    [Fact]
    public async Task TryRecordWork_ConcurrentWorkers_EachItemCountedExactlyOnce()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableRunStore>();
        var run = await CreateRunningAsync(store, workTotal: 16);

        // 16 work items, each recorded by two racing workers: a lost race retries from a fresh read.
        await Parallel.ForEachAsync(Enumerable.Range(0, 32), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var key = $"batch-audit-{i % 16:D5}";
            while (true)
            {
                var current = await store.GetAsync(run.Id, ct);
                var outcome = (await store.TryRecordWorkAsync(current!, key, $"host-{i}", Now, ct)).Outcome;
                if (outcome != WorkRecordingOutcome.Conflict)
                {
                    return;
                }
            }
        });

        var stored = await store.GetAsync(run.Id, CancellationToken.None);
        Assert.Equal(16, stored!.WorkDone);
        Assert.Equal(16, (await store.ListCompletedWorkAsync(run.Id, CancellationToken.None)).Count);
    }

    private static async Task<Run> CreateRunningAsync(TableRunStore store, int workTotal)
    {
        var id = RunIds.For("blob-" + Guid.NewGuid(), "etag");
        var run = new Run
        {
            Id = id,
            BlobName = "blob",
            BlobETag = "etag",
            ContentKey = "etag:etag",
            Status = RunStatus.Running,
            ShardCount = workTotal,
            WorkTotal = workTotal,
            CreatedTime = Now,
            LastUpdatedTime = Now,
        };
        Assert.True(await store.TryCreateAsync(run, "test", CancellationToken.None));
        Assert.False(await store.TryCreateAsync(run, "test", CancellationToken.None));
        return (await store.GetAsync(id, CancellationToken.None))!;
    }
}
