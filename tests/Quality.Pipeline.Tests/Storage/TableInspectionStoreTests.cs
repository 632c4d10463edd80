using Quality.Domain.Sampling;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>A vendor's switching state on Azurite: each lot applied once, in turn, by the Z1.4 rules.</summary>
public sealed class TableInspectionStoreTests
{
    private const string Pipeline = "front-lidar";
    private static readonly AuditPlan Plan = new(1.0, "II", "normal", "G", "G", 32, 1, 2, false);
    private static readonly InspectionState Initial = InspectionState.Start(reducedInspectionApproved: false);

    private static DecidedLot Lot(string batch, int nonconforming, AuditPlan? plan = null) =>
        new(0, batch, "review-" + batch, DateTimeOffset.UnixEpoch, plan ?? Plan, 32, nonconforming, nonconforming >= (plan ?? Plan).Reject ? "rejected" : "accepted", null);

    [Fact]
    public async Task Apply_TwoRejectedLotsOnNormal_SwitchesToTightened()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableInspectionStore>();

        await store.ApplyAsync(Pipeline, "acme", Initial, Lot("b1", 2), CancellationToken.None);
        var (inspection, lot, already) = await store.ApplyAsync(Pipeline, "acme", Initial, Lot("b2", 3), CancellationToken.None);

        Assert.False(already);
        Assert.Equal((2, InspectionSeverity.Tightened), (lot.Number, inspection.State.Severity));
        Assert.StartsWith("normal → tightened", lot.Record!.Switch, StringComparison.Ordinal);
        var stored = await store.GetAsync(Pipeline, "acme", CancellationToken.None);
        Assert.Equal(InspectionSeverity.Tightened, stored!.State.Severity);
        Assert.Equal(["b1", "b2"], stored.Lots.Select(l => l.Batch));
        Assert.Equal([1, 2], stored.State.History.Select(r => r.Lot));
        Assert.Null(await store.GetAsync(Pipeline, "other-vendor", CancellationToken.None));
    }

    [Fact]
    public async Task Apply_SameLotTwice_AppliesItOnce()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableInspectionStore>();

        await store.ApplyAsync(Pipeline, "acme", Initial, Lot("b1", 2), CancellationToken.None);
        var (inspection, lot, already) = await store.ApplyAsync(Pipeline, "acme", Initial, Lot("b1", 0) with { ReviewBatch = "another-review" }, CancellationToken.None);

        Assert.True(already);
        Assert.Equal(("review-b1", 2, 1), (lot.ReviewBatch, lot.Nonconforming, inspection.Lots.Count));
    }

    [Fact]
    public async Task Apply_LotsDecidedTogether_AllLandAndTheStateIsTheirReplayInOrder()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableInspectionStore>();
        int[] defects = [0, 2, 0, 3, 0, 0, 1, 0];

        await Task.WhenAll(defects.Select((d, i) => store.ApplyAsync(Pipeline, "acme", Initial, Lot($"b{i}", d), CancellationToken.None)));

        var stored = (await store.GetAsync(Pipeline, "acme", CancellationToken.None))!;
        Assert.Equal(Enumerable.Range(1, defects.Length), stored.Lots.Select(l => l.Number));
        Assert.Equal(defects.Length, stored.Lots.Select(l => l.Batch).Distinct().Count());
        // Whatever order they landed in, the state is the switching rules applied in that order.
        var replay = stored.Lots.Aggregate(Initial, (state, lot) => state.Next(lot.Outcome));
        Assert.Equal((replay.Severity, replay.SwitchingScore, replay.ConsecutiveAccepted), (stored.State.Severity, stored.State.SwitchingScore, stored.State.ConsecutiveAccepted));
        Assert.Equal(replay.History.Select(r => r.Switch), stored.State.History.Select(r => r.Switch));
    }

    [Fact]
    public async Task Discontinued_LotsAreRecordedWithoutSwitching_UntilResumed()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableInspectionStore>();
        var tightened = Plan with { Inspection = "tightened", Accept = 0, Reject = 1 };
        var onTightened = Initial with { Severity = InspectionSeverity.Tightened, RejectedOnTightened = 4 };

        var (fifth, _, _) = await store.ApplyAsync(Pipeline, "acme", onTightened, Lot("b5", 1, tightened), CancellationToken.None);
        var (sixth, lot, _) = await store.ApplyAsync(Pipeline, "acme", onTightened, Lot("b6", 0, tightened), CancellationToken.None);
        var resumed = await store.ChangeAsync(Pipeline, "acme", Initial, state => state.Resume(), CancellationToken.None);

        // Z1.4: the fifth lot not accepted on tightened inspection discontinues it; a lot meanwhile does not count.
        Assert.True(fifth.State.IsDiscontinued);
        Assert.Null(lot.Record);
        Assert.Equal((2, 1), (sixth.Lots.Count, sixth.State.History.Count));
        Assert.Equal((false, InspectionSeverity.Tightened, 0), (resumed.State.IsDiscontinued, resumed.State.Severity, resumed.State.RejectedOnTightened));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ChangeAsync(Pipeline, "acme", Initial, state => state.Resume(), CancellationToken.None));
    }
}
