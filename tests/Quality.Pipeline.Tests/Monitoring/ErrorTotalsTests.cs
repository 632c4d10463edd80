using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Pipeline.Monitoring;

namespace Quality.Pipeline.Tests.Monitoring;

/// <summary>Running error totals give each batch the history of the deliveries before it, whatever order they finished in.</summary>
public sealed class ErrorTotalsTests
{
    private static readonly DateTimeOffset Day = DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Before_BatchesFinishOutOfDeliveryOrder_HistoryIsTheEarlierDeliveriesOnly()
    {
        var totals = new ErrorTotals();
        // Completion order c, a, d, b; delivery order a (day 1), b (day 2), c (day 3), d (day 4).
        totals.Apply(Batch("c", 3), Counts(cars: 300, carsAsTrucks: 30));
        totals.Apply(Batch("a", 1), Counts(cars: 100, carsAsTrucks: 3));
        totals.Apply(Batch("d", 4), Counts(cars: 50, carsAsTrucks: 0));
        totals.Apply(Batch("b", 2), Counts(cars: 200, carsAsTrucks: 5));

        var history = totals.Before(Batch("c", 3));

        // Earlier than c: a and b. Cars as trucks 3 + 5 = 8 of 100 + 200 = 300 cars; d (later) and c itself left out.
        Assert.Equal(new BaselineRate(8, 300), history.Baseline(BatchErrorCounts.Confusion, "car", "truck"));
        Assert.Equal([new DeliveryCount("a", 3, 100), new DeliveryCount("b", 5, 200)], history.Deliveries(BatchErrorCounts.Confusion, "car", "truck"));
        // A type never made before still has the opportunities: 0 of 300 cars missed.
        Assert.Equal(new BaselineRate(0, 300), history.Baseline(BatchErrorCounts.Miss, "car", null));
        Assert.Null(totals.Before(Batch("a", 1)).Baseline(BatchErrorCounts.Confusion, "car", "truck"));
        Assert.Equal(4, totals.Batches);
    }

    [Fact]
    public void Before_MoreBatchesThanTheWindow_BaselinePoolsAllAndTheTrendTheWindow()
    {
        var totals = new ErrorTotals();
        for (var day = 1; day <= ErrorTotals.Window + 10; day++)
        {
            totals.Apply(Batch("b" + day.ToString("000", System.Globalization.CultureInfo.InvariantCulture), day), Counts(cars: 100, carsAsTrucks: 1));
        }

        var history = totals.Before(Batch("next", ErrorTotals.Window + 11));

        // 60 deliveries of 1 error in 100 cars: 60 of 6,000 pooled; the trend sees the last 50.
        Assert.Equal(new BaselineRate(60, 6000), history.Baseline(BatchErrorCounts.Confusion, "car", "truck"));
        Assert.Equal(ErrorTotals.Window, history.Deliveries(BatchErrorCounts.Confusion, "car", "truck").Count);
        Assert.Equal("b011", history.Deliveries(BatchErrorCounts.Confusion, "car", "truck")[0].BatchId);
    }

    [Fact]
    public void FromState_RoundTrip_KeepsTotalsAndWindow()
    {
        var totals = new ErrorTotals();
        totals.Apply(Batch("a", 1), Counts(cars: 100, carsAsTrucks: 3));
        totals.Apply(Batch("b", 2), Counts(cars: 200, carsAsTrucks: 5));

        var read = ErrorTotals.FromState(totals.ToState()).Before(Batch("c", 3));

        Assert.Equal(new BaselineRate(8, 300), read.Baseline(BatchErrorCounts.Confusion, "car", "truck"));
        Assert.Equal(2, read.Deliveries(BatchErrorCounts.Confusion, "car", "truck").Count);
    }

    [Fact]
    public void Before_TagErrors_PoolTheGoldFramesOfTheirValue()
    {
        var totals = new ErrorTotals();
        var fog = BatchErrorCounts.TagSubject("weather", "fog");
        totals.Apply(Batch("a", 1), Tags(fog, goldFrames: 30, taggedRain: 6));
        totals.Apply(Batch("b", 2), Tags(fog, goldFrames: 20, taggedRain: 1));

        var history = totals.Before(Batch("c", 3));

        // Fog frames tagged rain: 6 + 1 = 7 of 30 + 20 = 50 gold fog frames; the gold objects' counts play no part.
        Assert.Equal(new BaselineRate(7, 50), history.Baseline(BatchErrorCounts.Tag, fog, "rain"));
        Assert.Equal([new DeliveryCount("a", 6, 30), new DeliveryCount("b", 1, 20)], history.Deliveries(BatchErrorCounts.Tag, fog, "rain"));
    }

    internal static SeriesBatch Batch(string id, int day) => new("lidar", "acme", id, Day.AddDays(day), "driving@1.0.0");

    /// <summary>One annotator's batch: <paramref name="cars"/> gold cars compared, <paramref name="carsAsTrucks"/> labeled trucks.</summary>
    internal static BatchErrorCounts Counts(long cars, long carsAsTrucks) => new(
        new Dictionary<string, IReadOnlyDictionary<string, long>> { ["car"] = new Dictionary<string, long> { ["ann-01"] = cars } },
        new Dictionary<string, long>(),
        carsAsTrucks == 0 ? [] : [new ErrorCell(BatchErrorCounts.Confusion, "car", "truck", "ann-01", carsAsTrucks)]);

    /// <summary>One annotator's frame tags: <paramref name="goldFrames"/> gold frames of the subject, <paramref name="taggedRain"/> of them tagged rain.</summary>
    private static BatchErrorCounts Tags(string subject, long goldFrames, long taggedRain) => new(
        new Dictionary<string, IReadOnlyDictionary<string, long>> { ["car"] = new Dictionary<string, long> { ["ann-01"] = 500 } },
        new Dictionary<string, long>(),
        [new ErrorCell(BatchErrorCounts.Tag, subject, "rain", "ann-01", taggedRain)])
    {
        GoldTags = new Dictionary<string, IReadOnlyDictionary<string, long>> { [subject] = new Dictionary<string, long> { ["ann-01"] = goldFrames } },
    };
}
