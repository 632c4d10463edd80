using System.Globalization;
using System.Text;
using Quality.Benchmarks.Audit;
using Quality.Domain.Audit;
using Quality.Domain.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Benchmarks.Sampling;

/// <summary>
/// Issue 7's memory figures for the review frame. A shard's frame as Compute writes it: <see cref="BatchAudit"/> over
/// 2,000 lidar sweeps × 5 annotators × 20 cuboids, serialized by <see cref="PipelineJson"/> (camelCase) — JSON bytes
/// per unit. Finalize's frame as <c>BatchSampler</c> holds it: that blob deserialized shard after shard into one list
/// until it holds <c>units</c> (every unit its own strings, as read from blobs), and for comparison the same number of
/// <see cref="SyntheticFrame"/> units built in memory (class and annotator strings shared) — bytes retained per unit,
/// from <see cref="GC.GetTotalMemory(bool)"/> after a full collection. Run:
/// <c>dotnet run -c Release --project tests/Quality.Benchmarks -- frame-memory [units]</c>.
/// </summary>
internal static class FrameFootprint
{
    public static int Run(int units)
    {
        var random = new Random(2000);
        var shard = new List<ReviewUnit>();
        var audit = new BatchAudit(new SpatialOptions(), new List<EvidencePair>()) { Frame = shard };
        for (var i = 0; i < 2000; i++)
        {
            audit.AddItem("bench.jsonl", LidarSweep.Generate(i, random, cuboids: 20, annotators: 5, withGold: true));
        }

        var json = PipelineJson.Serialize<IReadOnlyList<ReviewUnit>>(shard);
        var jsonBytes = Encoding.UTF8.GetByteCount(json);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shard frame blob: {shard.Count:N0} units, {jsonBytes:N0} bytes of JSON, {(double)jsonBytes / shard.Count:N1} bytes/unit " +
            $"(e.g. {PipelineJson.Serialize<IReadOnlyList<ReviewUnit>>(shard.Take(1).ToList())})"));

        var (read, readBytes) = Retained(() =>
        {
            var frame = new List<ReviewUnit>();
            while (frame.Count < units)
            {
                frame.AddRange(PipelineJson.Deserialize<List<ReviewUnit>>(json));
            }

            return frame;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"finalize frame read from shard blobs: {read:N0} units retain {readBytes / (1024.0 * 1024):N0} MiB, {(double)readBytes / read:N0} bytes/unit"));

        var (built, builtBytes) = Retained(() => SyntheticFrame.Generate(units));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"synthetic frame built in memory: {built:N0} units retain {builtBytes / (1024.0 * 1024):N0} MiB, {(double)builtBytes / built:N0} bytes/unit"));
        return 0;
    }

    /// <summary>The units the frame holds and the bytes the managed heap grew by while it is alive.</summary>
    private static (int Units, long Bytes) Retained(Func<List<ReviewUnit>> build)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var frame = build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(frame);
        return (frame.Count, after - before);
    }
}
