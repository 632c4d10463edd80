using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// Issue 20 goal 4: what Finalize's error-history step costs after 10 and after 200 past deliveries of a pipeline, on
/// Azurite (<c>finalize-history</c>). Each past delivery is recorded as Finalize records it (its counts row and the
/// running totals); then, alternately, a new batch is judged the way Finalize did before (read every earlier batch's
/// counts, keep the earlier deliveries, detect) and the way it does now (<see cref="TableSeriesStore.ApplyErrorsAsync"/>,
/// one row read and one transaction, then detect). Prints medians of 10 runs each and checks both find the same.
/// </summary>
internal static class FinalizeHistory
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);

    public static async Task<int> RunAsync()
    {
        const int runs = 10;
        foreach (var past in new[] { 10, 200 })
        {
            await using var pipeline = await TestPipeline.StartAsync();
            var store = pipeline.Get<TableSeriesStore>();
            var random = new Random(past);
            for (var d = 0; d < past; d++)
            {
                var batch = Batch(d);
                var errors = Counts(random);
                await store.RecordErrorsAsync(batch, errors, CancellationToken.None);
                await store.ApplyErrorsAsync(batch, errors, CancellationToken.None);
            }

            var (fullRead, totals) = (new List<double>(), new List<double>());
            var agree = true;
            for (var run = 0; run < runs; run++)
            {
                // The batch being finalised arrives after the past ones; each run judges a fresh one of the same counts.
                var batch = Batch(past + run) with { BatchId = "current-" + run.ToString(CultureInfo.InvariantCulture) };
                var errors = Counts(new Random(run));
                await store.RecordErrorsAsync(batch, errors, CancellationToken.None); // both ways keep the batch's own row
                var clock = Stopwatch.StartNew();
                var earlier = (await store.ReadErrorsAsync(batch.Pipeline, CancellationToken.None))
                    .Where(h => (h.DeliveredTime, string.CompareOrdinal(h.BatchId, batch.BatchId)).CompareTo((batch.DeliveredTime, 0)) < 0)
                    .ToList();
                var before = FindingDetector.Detect(batch, errors, earlier, Start);
                fullRead.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                var history = await store.ApplyErrorsAsync(batch, errors, CancellationToken.None);
                var now = FindingDetector.Detect(batch, errors, history, Start);
                totals.Add(clock.Elapsed.TotalMilliseconds);
                agree &= past + runs > ErrorTotals.Window || Same(before, now);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"finalize error history after {past} past deliveries: full read median {PipelineBenchmarks.Median(fullRead):0.0} ms, running totals median {PipelineBenchmarks.Median(totals):0.0} ms " +
                $"({runs} runs each, alternating; load average {Audit.GoldAuditEndToEnd.LoadAverage()}){(past + runs > ErrorTotals.Window ? "" : agree ? "; same verdicts and trends" : "; VERDICTS DIFFER")}"));
        }

        return 0;
    }

    private static bool Same(BatchFindings a, BatchFindings b) =>
        a.ErrorTypes.Select(v => (v.Type, v.Source, v.Statement)).SequenceEqual(b.ErrorTypes.Select(v => (v.Type, v.Source, v.Statement)))
        && a.ConfusionTrends.Select(t => t.Statement).SequenceEqual(b.ConfusionTrends.Select(t => t.Statement));

    private static SeriesBatch Batch(int day) =>
        new("bench", "acme", "past-" + day.ToString("000", CultureInfo.InvariantCulture), Start.AddDays(day), "driving@1.0.0");

    /// <summary>A 1,000-item lidar delivery's counts: 10 classes × 5 annotators, about 100 gold objects each, a few confusions and misses.</summary>
    private static BatchErrorCounts Counts(Random random)
    {
        var classes = Enumerable.Range(0, 10).Select(c => "class-" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        var annotators = Enumerable.Range(1, 5).Select(a => "ann-0" + a.ToString(CultureInfo.InvariantCulture)).ToArray();
        var gold = classes.ToDictionary(c => c, c => (IReadOnlyDictionary<string, long>)annotators.ToDictionary(a => a, _ => (long)random.Next(80, 120)));
        var cells = new List<ErrorCell>();
        foreach (var c in classes)
        {
            foreach (var a in annotators)
            {
                cells.Add(new ErrorCell(BatchErrorCounts.Miss, c, null, a, random.Next(1, 6)));
                cells.Add(new ErrorCell(BatchErrorCounts.Confusion, c, classes[random.Next(classes.Length)] is var other && other != c ? other : classes[(Array.IndexOf(classes, c) + 1) % classes.Length], a, random.Next(1, 4)));
            }
        }

        var merged = cells.GroupBy(e => (e.Kind, e.Subject, e.LabeledAs, e.Annotator)).Select(g => g.First() with { Count = g.Sum(e => e.Count) }).ToList();
        return new BatchErrorCounts(gold, new Dictionary<string, long>(), merged);
    }
}
