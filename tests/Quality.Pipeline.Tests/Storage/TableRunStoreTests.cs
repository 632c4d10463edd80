using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>The run table's concurrency rules, against Azurite's real ETags and entity-group transactions.</summary>
public sealed class TableRunStoreTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TryCreate_SameRunTwice_CreatedOnceWithOneHistoryRow()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableRunStore>();
        var run = NewRun(shards: 3);

        Assert.True(await store.TryCreateAsync(run, "host-a", CancellationToken.None));
        Assert.False(await store.TryCreateAsync(run with { Reason = "again" }, "host-b", CancellationToken.None));

        var stored = await store.GetAsync(run.Id, CancellationToken.None);
        Assert.Equal((RunStatus.Running, 3, 1, null), (stored!.Status, stored.ShardCount, stored.Transitions, stored.Reason));
        var history = Assert.Single(await store.ListHistoryAsync(run.Id, CancellationToken.None));
        Assert.Equal((RunStatus.Running, "host-a", Now), (history.Status, history.Host, history.Time));
    }

    [Fact]
    public async Task TryUpdate_StaleETag_ReturnsNullAndKeepsTheWinner()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableRunStore>();
        var created = await CreateAsync(store, NewRun(shards: 3));

        var winner = await store.TryUpdateAsync(created, created with { Reason = "first" }, "host-a", CancellationToken.None);
        var loser = await store.TryUpdateAsync(created, created with { Reason = "second" }, "host-b", CancellationToken.None);

        Assert.NotNull(winner);
        Assert.Null(loser);
        Assert.Equal("first", (await store.GetAsync(created.Id, CancellationToken.None))!.Reason);
    }

    [Fact]
    public async Task TryUpdate_StatusChange_AppendsAHistoryRowAndOtherChangesDoNot()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableRunStore>();
        var created = await CreateAsync(store, NewRun(shards: 2));

        var renamed = await store.TryUpdateAsync(created, created with { BlobETag = "etag-2" }, "host-a", CancellationToken.None);
        var failed = await store.TryUpdateAsync(renamed!, renamed! with { Status = RunStatus.Failed, Reason = "shard 1 is gone", LastUpdatedTime = Now.AddMinutes(1) },
            "host-b", CancellationToken.None);

        Assert.Equal((RunStatus.Failed, 2), (failed!.Status, failed.Transitions));
        var history = await store.ListHistoryAsync(created.Id, CancellationToken.None);
        Assert.Equal(
            [(RunStatus.Running, "test", (string?)null, Now), (RunStatus.Failed, "host-b", "shard 1 is gone", Now.AddMinutes(1))],
            history.Select(h => (h.Status, h.Host, h.Reason, h.Time)));
    }

    [Fact]
    public async Task TryUpdate_SixteenWritersFromOneState_ExactlyOneWinsAndOneTransitionIsRecorded()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableRunStore>();
        var created = await CreateAsync(store, NewRun(shards: 16));

        // Sixteen finalizers that all read the Running run and all try to complete it.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => store.TryUpdateAsync(created,
            created with { Status = RunStatus.Completed, CompletedTime = Now, Reason = $"host-{i}" }, $"host-{i}", CancellationToken.None))));

        var winner = Assert.Single(outcomes, o => o is not null);
        var stored = await store.GetAsync(created.Id, CancellationToken.None);
        Assert.Equal((RunStatus.Completed, winner!.Reason, winner.ETag), (stored!.Status, stored.Reason, stored.ETag));
        var history = await store.ListHistoryAsync(created.Id, CancellationToken.None);
        Assert.Equal([RunStatus.Running, RunStatus.Completed], history.Select(h => h.Status));
        Assert.Equal(winner.Reason, history[^1].Host);
    }

    private static Run NewRun(int shards) => new()
    {
        Id = RunIds.For("blob-" + Guid.NewGuid(), "etag"),
        BlobName = "blob",
        BlobETag = "etag",
        ContentKey = "etag:etag",
        Status = RunStatus.Running,
        ShardCount = shards,
        CreatedTime = Now,
        LastUpdatedTime = Now,
    };

    private static async Task<Run> CreateAsync(TableRunStore store, Run run)
    {
        Assert.True(await store.TryCreateAsync(run, "test", CancellationToken.None));
        return (await store.GetAsync(run.Id, CancellationToken.None))!;
    }
}
