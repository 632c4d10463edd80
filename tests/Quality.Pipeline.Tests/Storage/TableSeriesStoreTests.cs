using Quality.Domain.Audit;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>The series table on Azurite: delivery order, the all-vendor copy, idempotent rewrites and key escaping.</summary>
public sealed class TableSeriesStoreTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Record_ThreeBatchesOutOfOrder_ReadsBackInDeliveryOrderPerVendorAndForAll()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableSeriesStore>();
        // Finalize order need not be delivery order: the third delivery completes first.
        await store.RecordAsync(Batch("c", "acme", 3), [Figure(5, 100)], CancellationToken.None);
        await store.RecordAsync(Batch("a", "acme", 1), [Figure(1, 100)], CancellationToken.None);
        await store.RecordAsync(Batch("b", "other", 2), [Figure(2, 50)], CancellationToken.None);
        // A redelivered Finalize writes the same row again.
        await store.RecordAsync(Batch("a", "acme", 1), [Figure(1, 100)], CancellationToken.None);

        var all = await store.ReadAsync(new SeriesKey("lidar", "gold-error-rate", "wheel/chair #1", null), CancellationToken.None);
        var acme = await store.ReadAsync(new SeriesKey("lidar", "gold-error-rate", "wheel/chair #1", "acme"), CancellationToken.None);

        Assert.Equal(["a", "b", "c"], all.Select(p => p.BatchId));
        Assert.Equal([1.0, 2.0, 5.0], all.Select(p => p.Count!.Value));
        Assert.Equal(["a", "c"], acme.Select(p => p.BatchId));
        Assert.Equal("taxonomy@1.0.0", acme[0].Phase);
        Assert.Empty(await store.ReadAsync(new SeriesKey("lidar", "gold-error-rate", null, null), CancellationToken.None));
    }

    [Fact]
    public async Task RecordErrors_LargerThanOneProperty_RoundTrips()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableSeriesStore>();
        // 2,000 cells serialise to well over the 32k characters one property holds.
        var cells = Enumerable.Range(0, 2000).Select(i => new ErrorCell(BatchErrorCounts.Confusion, "class-" + (i / 40), "class-" + (i % 40), "annotator-7", i + 1)).ToList();
        var errors = new BatchErrorCounts(
            new Dictionary<string, IReadOnlyDictionary<string, long>> { ["class-0"] = new Dictionary<string, long> { ["annotator-7"] = 90 } },
            new Dictionary<string, long> { ["annotator-7"] = 120 },
            cells);

        await store.RecordErrorsAsync(Batch("a", "acme", 1), errors, CancellationToken.None);
        var history = await store.ReadErrorsAsync("lidar", CancellationToken.None);

        var read = Assert.Single(history);
        Assert.Equal("a", read.BatchId);
        Assert.Equal(cells, read.Errors.Errors);
        Assert.Equal(90, read.Errors.GoldObjects["class-0"]["annotator-7"]);
        Assert.Equal(120, read.Errors.Checked["annotator-7"]);
    }

    [Fact]
    public async Task ApplyErrors_OutOfOrderAndRedelivered_EachBatchCountedOnceAndJudgedByEarlierDeliveries()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableSeriesStore>();
        var (a, b, c) = (Batch("a", "acme", 1), Batch("b", "acme", 2), Batch("c", "acme", 3));

        var ofC = await store.ApplyErrorsAsync(c, Monitoring.ErrorTotalsTests.Counts(cars: 300, carsAsTrucks: 30), CancellationToken.None);
        var ofA = await store.ApplyErrorsAsync(a, Monitoring.ErrorTotalsTests.Counts(cars: 100, carsAsTrucks: 3), CancellationToken.None);
        var ofB = await store.ApplyErrorsAsync(b, Monitoring.ErrorTotalsTests.Counts(cars: 200, carsAsTrucks: 5), CancellationToken.None);
        // A redelivered Finalize of a: its marker is there, so the totals do not count it twice.
        var ofARedelivered = await store.ApplyErrorsAsync(a, Monitoring.ErrorTotalsTests.Counts(cars: 100, carsAsTrucks: 3), CancellationToken.None);
        var ofD = await store.ApplyErrorsAsync(Batch("d", "acme", 4), Monitoring.ErrorTotalsTests.Counts(cars: 50, carsAsTrucks: 0), CancellationToken.None);

        var type = (BatchErrorCounts.Confusion, "car", "truck");
        Assert.Null(ofC.Baseline(type.Item1, type.Item2, type.Item3)); // c finished first: nothing before it yet
        Assert.Null(ofA.Baseline(type.Item1, type.Item2, type.Item3)); // a is the first delivery; c is later
        Assert.Null(ofARedelivered.Baseline(type.Item1, type.Item2, type.Item3));
        Assert.Equal(new Quality.Domain.Findings.BaselineRate(3, 100), ofB.Baseline(type.Item1, type.Item2, type.Item3)); // a only
        // d after a, b, c once each: 3 + 5 + 30 = 38 of 100 + 200 + 300 = 600 cars (a counted once, not twice).
        Assert.Equal(new Quality.Domain.Findings.BaselineRate(38, 600), ofD.Baseline(type.Item1, type.Item2, type.Item3));
        Assert.Equal(["a", "b", "c"], ofD.Deliveries(type.Item1, type.Item2, type.Item3).Select(d => d.BatchId));
    }

    [Fact]
    public async Task ApplyErrors_TwoFinalizesAtOnce_BothCounted()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableSeriesStore>();

        await Task.WhenAll(Enumerable.Range(1, 6).Select(day =>
            store.ApplyErrorsAsync(Batch("b" + day, "acme", day), Monitoring.ErrorTotalsTests.Counts(cars: 10, carsAsTrucks: 1), CancellationToken.None)));
        var after = await store.ApplyErrorsAsync(Batch("last", "acme", 9), Monitoring.ErrorTotalsTests.Counts(cars: 10, carsAsTrucks: 1), CancellationToken.None);

        // Six concurrent batches of 1 error in 10 cars: every one counted under the ETag, 6 of 60.
        Assert.Equal(new Quality.Domain.Findings.BaselineRate(6, 60), after.Baseline(BatchErrorCounts.Confusion, "car", "truck"));
    }

    [Fact]
    public async Task ApplyErrors_TwoThousandErrorTypesABatch_TotalsStayInOneRow()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var store = pipeline.Get<TableSeriesStore>();
        // 2,000 confusion types a batch (50 classes × 40): ~150k characters of counts each, so the recent window shrinks to fit.
        var cells = Enumerable.Range(0, 2000).Select(i => new ErrorCell(BatchErrorCounts.Confusion, "class-" + (i / 40), "as-" + (i % 40), "annotator-7", 1)).ToList();
        var gold = Enumerable.Range(0, 50).ToDictionary(c => "class-" + c, _ => (IReadOnlyDictionary<string, long>)new Dictionary<string, long> { ["annotator-7"] = 100 });
        var errors = new BatchErrorCounts(gold, new Dictionary<string, long>(), cells);

        for (var day = 1; day <= 5; day++)
        {
            await store.ApplyErrorsAsync(Batch("b" + day, "acme", day), errors, CancellationToken.None);
        }

        var history = await store.ApplyErrorsAsync(Batch("b6", "acme", 6), errors, CancellationToken.None);

        // Five earlier batches, each 1 error of class-0 as as-0 in 100 class-0 objects: 5 of 500, whatever the window kept.
        Assert.Equal(new Quality.Domain.Findings.BaselineRate(5, 500), history.Baseline(BatchErrorCounts.Confusion, "class-0", "as-0"));
        Assert.InRange(history.Deliveries(BatchErrorCounts.Confusion, "class-0", "as-0").Count, 1, 4);
    }

    private static SeriesBatch Batch(string id, string vendor, int day) => new("lidar", vendor, id, Day.AddDays(day), "taxonomy@1.0.0");

    private static SeriesFigure Figure(double count, double size) => new("gold-error-rate", "wheel/chair #1", count, size, null);
}
