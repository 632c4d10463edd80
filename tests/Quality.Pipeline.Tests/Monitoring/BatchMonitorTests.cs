using Quality.Domain.Audit;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Monitoring;

/// <summary>Completed runs on Azurite leave their figures in the series table and their error counts in the history.</summary>
public sealed class BatchMonitorTests
{
    [Fact]
    public async Task Finalize_OneAnnotatorCallsEveryWheelchairUserAPedestrian_SeriesAndHistoryHoldTheExactCounts()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        // No base errors; ann-00 labels all 40 wheelchair users pedestrians. 5 annotators × 40 items × 5 gold objects = 1000 comparisons.
        var delivery = ObjectDeliveryGenerator.Generate(seed: 3, "d-1", baseErrorRate: 0,
            injections: [new("wheelchair_user", "pedestrian", 1.0, ["ann-00"])]);

        var runId = await pipeline.DeliverAsync("scenario/acme/d-1.jsonl", delivery);
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        Assert.Equal(RunStatus.Completed, (await pipeline.RunAsync(runId)).Status);
        var store = pipeline.Get<TableSeriesStore>();
        var overall = Assert.Single(await store.ReadAsync(new SeriesKey("scenario", "gold-error-rate", null, null), CancellationToken.None));
        Assert.Equal((runId, 40.0, 1000.0), (overall.BatchId, overall.Count!.Value, overall.Size!.Value));
        var wheelchair = Assert.Single(await store.ReadAsync(new SeriesKey("scenario", "gold-error-rate", "wheelchair_user", "acme"), CancellationToken.None));
        Assert.Equal((40.0, 200.0), (wheelchair.Count!.Value, wheelchair.Size!.Value));
        Assert.Equal("driving-objects@1.0.0", wheelchair.Phase);
        var history = Assert.Single(await store.ReadErrorsAsync("scenario", CancellationToken.None));
        var confusion = Assert.Single(history.Errors.Types());
        Assert.Equal((BatchErrorCounts.Confusion, "wheelchair_user", "pedestrian"), (confusion.Kind, confusion.Subject, confusion.LabeledAs));
        Assert.Equal([40L, 0, 0, 0, 0], confusion.Annotators.Select(a => a.Errors));
        Assert.All(confusion.Annotators, a => Assert.Equal(40, a.Opportunities));
    }
}
