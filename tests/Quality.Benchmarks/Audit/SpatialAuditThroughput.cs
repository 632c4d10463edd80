using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Geometry;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// Issue 4's throughput figure: frames × 3 annotators × 40 cuboids + gold through the spatial audit (3D IoU, optimal
/// matching, gold comparison, pairwise agreement), on one thread and on two (each thread its own shard, merged at the
/// end as Finalize does). Frames are generated on the fly, so the peak working set shows whether memory stays flat as
/// frames grow. Prints the median of 3 runs per configuration.
/// </summary>
internal static class SpatialAuditThroughput
{
    private static readonly string[] Classes = ["car", "car", "car", "truck", "pedestrian", "pedestrian", "cyclist", "barrier"];

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
                        shards[t].AddItem(Frame(f, random), options, evidence: null);
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

    /// <summary>One lidar sweep: 40 gold cuboids and three annotators' noisy copies (some missed, some relabeled).</summary>
    private static List<Annotation> Frame(int frame, Random random)
    {
        var item = "sweep-" + frame.ToString(CultureInfo.InvariantCulture);
        var annotations = new List<Annotation>(160);
        var gold = new List<(string Class, Cuboid Box)>(40);
        for (var k = 0; k < 40; k++)
        {
            var objectClass = Classes[random.Next(Classes.Length)];
            var (length, width, height) = objectClass switch
            {
                "truck" => (8.0, 2.5, 3.2),
                "pedestrian" => (0.7, 0.7, 1.75),
                "cyclist" => (1.8, 0.7, 1.7),
                "barrier" => (2.0, 0.5, 1.0),
                _ => (4.5, 1.9, 1.6),
            };
            var box = new Cuboid(random.NextDouble() * 100 - 50, random.NextDouble() * 100 - 50, 0, length, width, height, random.NextDouble() * 6.28 - 3.14);
            gold.Add((objectClass, box));
            annotations.Add(new Annotation(item, "gold", AnnotatorRole.Gold, Annotation.DefaultField, objectClass, 0) { Cuboid = box });
        }

        foreach (var annotator in new[] { "a1", "a2", "a3" })
        {
            foreach (var (objectClass, box) in gold)
            {
                if (random.NextDouble() < 0.05)
                {
                    continue;
                }

                var label = random.NextDouble() < 0.03 ? Classes[random.Next(Classes.Length)] : objectClass;
                var noisy = box with { X = box.X + Noise(random, 0.1), Y = box.Y + Noise(random, 0.1), Yaw = box.Yaw + Noise(random, 0.05) };
                annotations.Add(new Annotation(item, annotator, AnnotatorRole.Annotator, Annotation.DefaultField, label, 0) { Cuboid = noisy });
            }
        }

        return annotations;
    }

    private static double Noise(Random random, double scale) => (random.NextDouble() - 0.5) * 2 * scale;
}
