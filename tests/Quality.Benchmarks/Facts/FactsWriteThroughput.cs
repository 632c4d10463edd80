using System.Diagnostics;
using System.Globalization;
using Quality.Benchmarks.Audit;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Pipeline.Facts;

namespace Quality.Benchmarks.Facts;

/// <summary>
/// What the facts cost a shard: generated lidar frames (gold + 3 annotators × 40 cuboids) audited with and without a
/// <see cref="FactCollector"/>, then the collected rows written as Parquet by <see cref="FactParquet"/>. Prints the
/// medians of 5 runs: the audit's slowdown from collecting facts, the writer's rows/s and the file's bytes per row.
/// </summary>
internal static class FactsWriteThroughput
{
    public static async Task<int> RunAsync(int frames)
    {
        var origin = new FactOrigin("0123456789abcdef0123456789abcdef", "bench", "bench-vendor", "bench-pipeline", new DateOnly(2026, 12, 3));
        var (without, with, write, bytesPerRow, rows) = (new List<double>(), new List<double>(), new List<double>(), 0.0, 0);
        for (var run = 0; run < 5; run++)
        {
            without.Add(Audit(frames, facts: null).TotalSeconds);
            var facts = new FactCollector();
            with.Add(Audit(frames, facts).TotalSeconds);
            var clock = Stopwatch.StartNew();
            var bytes = await FactParquet.SerializeAsync(facts, origin, FactTable.Objects, CancellationToken.None);
            write.Add(clock.Elapsed.TotalSeconds);
            rows = facts.Objects.Count;
            bytesPerRow = (double)bytes!.Length / rows;
        }

        var (a, b, w) = (Median(without), Median(with), Median(write));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"facts, {frames:N0} frames x (gold + 3 annotators) x 40 cuboids = {rows:N0} object rows: audit {a:F2} s without facts, {b:F2} s with (x{b / a:F2}); "
            + $"Parquet write {w:F2} s = {rows / w:N0} rows/s, {bytesPerRow:F1} bytes/row (medians of 5)"));
        return 0;
    }

    private static TimeSpan Audit(int frames, FactCollector? facts)
    {
        var random = new Random(1000);
        var evidence = new List<EvidencePair>();
        var audit = new BatchAudit(new SpatialOptions(), evidence) { Facts = facts };
        var clock = Stopwatch.StartNew();
        for (var f = 0; f < frames; f++)
        {
            audit.AddItem("bench.jsonl", LidarSweep.Generate(f, random, cuboids: 40, annotators: 3, withGold: true));
        }

        return clock.Elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
