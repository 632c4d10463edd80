using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Audit;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// Issue 4's throughput figure: frames × 3 annotators × 40 cuboids + gold through the spatial audit (3D IoU, optimal
/// matching, gold comparison, pairwise agreement), on one thread and on two (each thread its own shard, merged at the
/// end as Finalize does). Frames are generated on the fly, so the peak working set shows whether memory stays flat as
/// frames grow. Prints the median of 3 runs per configuration.
/// </summary>
internal static class SpatialAuditThroughput
{
    public static int Run(int frames)
    {
        foreach (var threads in new[] { 1, 2 })
        {
            var rates = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var shards = Enumerable.Range(0, threads).Select(_ => new SpatialAudit()).ToArray();
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                {
                    var random = new Random(1000 + t);
                    var options = new SpatialOptions();
                    for (var f = t; f < frames; f += threads)
                    {
                        shards[t].AddItem(LidarSweep.Generate(f, random, cuboids: 40, annotators: 3, withGold: true), options, evidence: null);
                    }
                });
                for (var t = 1; t < threads; t++)
                {
                    shards[0].Merge(shards[t]);
                }

                rates.Add(frames / clock.Elapsed.TotalSeconds);
            }

            rates.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"spatial audit, {frames:N0} frames x (gold + 3 annotators) x 40 cuboids, {threads} thread(s): median {rates[1]:N0} frames/s " +
                $"(runs {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}); " +
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
        }

        return 0;
    }
}
