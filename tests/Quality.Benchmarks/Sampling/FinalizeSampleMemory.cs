using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Benchmarks.Sampling;

/// <summary>
/// Issue 20 goal 4: what Finalize holds to draw the review sample, per unit of the batch. A seeded frame
/// (<see cref="SyntheticFrame"/>: 5 annotators, [class, annotator] strata, 5 per stratum) is cut into shard frame blobs
/// as Compute writes them (<see cref="PipelineJson"/>); each side reads them back shard after shard as
/// <c>BatchSampler</c> does — merging the whole frame and drawing it (before), or three passes of
/// <see cref="ReviewSampleDraw"/> (now). Prints the managed heap retained at its peak (a full collection after every
/// shard read), per unit of the batch, CPU seconds, and checks that both sides draw the same units. Run:
/// <c>dotnet Quality.Benchmarks.dll finalize-sample [units] [shards]</c>.
/// </summary>
internal static class FinalizeSampleMemory
{
    public static int Run(string[] args)
    {
        var units = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var shards = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 48;
        var blobs = SyntheticFrame.Generate(units).Chunk((units + shards - 1) / shards)
            .Select(shard => PipelineJson.Serialize<IReadOnlyList<ReviewUnit>>(shard)).ToArray();
        var settings = SyntheticFrame.Settings(riskWeighted: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"finalize sample: {units:N0} units in {blobs.Length} shard frames ({blobs.Sum(b => (long)b.Length) / 1e6:N1} MB of JSON), strata by class and annotator, 5 per stratum"));

        AuditSample? merged = null, inPasses = null;
        for (var run = 0; run < 3; run++)
        {
            merged = Measure("whole frame merged (before)", units, () =>
            {
                var frame = new List<ReviewUnit>();
                foreach (var blob in blobs)
                {
                    frame.AddRange(PipelineJson.Deserialize<List<ReviewUnit>>(blob));
                    Probe();
                }

                return AuditSampling.Draw(frame, settings, SyntheticFrame.Seed, InspectionSeverity.Normal);
            });
            inPasses = Measure("three passes over the shards (now)", units, () =>
            {
                var draw = new ReviewSampleDraw(settings, SyntheticFrame.Seed, InspectionSeverity.Normal);
                while (!draw.IsDrawn)
                {
                    foreach (var blob in blobs)
                    {
                        draw.Add(PipelineJson.Deserialize<List<ReviewUnit>>(blob));
                        Probe();
                    }

                    draw.EndPass();
                }

                return draw.Result();
            });
        }

        var same = merged!.Items.SequenceEqual(inPasses!.Items);
        Console.WriteLine($"both draw the same {inPasses.Items.Count} units: {same}");
        return same ? 0 : 1;
    }

    private static long _peak;

    /// <summary>The heap retained now, after a full collection: what is alive at this point of the draw.</summary>
    private static void Probe() => _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: true));

    private static AuditSample Measure(string side, int units, Func<AuditSample> draw)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _peak = before;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sample = draw();
        process.Refresh();
        var retained = _peak - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {side}: peak {retained / (1024.0 * 1024):N1} MiB retained, {(double)retained / units:N1} B per unit, " +
            $"{(process.TotalProcessorTime - cpu).TotalSeconds:N2} CPU s (with a full GC after every shard), {sample.Items.Count} drawn; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return sample;
    }
}
