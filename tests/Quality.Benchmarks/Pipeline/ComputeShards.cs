using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Facts;
using Quality.Pipeline.Storage;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// Where a Compute activity's CPU goes, without storage: a <see cref="SyntheticDelivery"/> of the given size sharded
/// by ingest's own <see cref="ShardWriter"/> into memory (the pipeline's shard count for that size), then every shard
/// read back and audited as <see cref="Compute"/> does (<see cref="Compute.AuditShardAsync"/>: evidence and facts
/// collected, no taxonomy, no review frame, as in the <c>memory</c> benchmark), and its outputs serialised by the code Compute
/// writes them with (evidence JSON Lines in the gzip block Compute stages, facts Parquet, the partial's JSON, each a phase), and the evidence read back as root causes reads it. Each phase on one thread, CPU seconds of the
/// process and bytes allocated per annotation; 3 runs, medians. <c>parse</c> reads the shards' lines into annotations
/// and nothing else: the share of the audit that is the reader.
/// </summary>
internal static class ComputeShards
{
    private const int Runs = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var options = new PipelineOptions();
        var bytes = megabytes * 1_000_000;
        var shards = await ShardAsync(bytes, ShardAssignment.ShardCount(bytes, options.ShardTargetBytes, options.MaxShards));
        var origin = new FactOrigin("bench-run", "bench-ingest", "acme-labeling", "bench", new DateOnly(2026, 12, 1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compute {megabytes:N0} MB canonical: {shards.Length} shards of {shards.Average(s => s.Length) / 1e6:N1} MB, one thread, {Runs} runs; load {Load()}"));

        var phases = new Dictionary<string, List<Measured>>(StringComparer.Ordinal);
        for (var run = 0; run < Runs; run++)
        {
            Add("parse", await MeasureAsync(async () =>
            {
                long annotations = 0;
                foreach (var shard in shards)
                {
                    using var reader = new CanonicalDeliveryReader(new MemoryStream(shard), "bench.jsonl", normalised: true);
                    while (await reader.ReadAnnotationAsync(CancellationToken.None) is not null)
                    {
                        annotations++;
                    }
                }

                return annotations;
            }));

            var audits = new List<(BatchAudit Audit, List<EvidencePair> Evidence, FactCollector Facts)>();
            Add("audit", await MeasureAsync(async () =>
            {
                long annotations = 0;
                foreach (var shard in shards)
                {
                    var (evidence, facts) = (new List<EvidencePair>(), new FactCollector());
                    var audit = await Compute.AuditShardAsync(
                        new MemoryStream(shard), "bench.jsonl", new BatchAudit(options.Spatial(), evidence) { Facts = facts }, CancellationToken.None);
                    annotations += audit.Annotations;
                    audits.Add((audit, evidence, facts));
                }

                return annotations;
            }));

            var written = new List<BinaryData>();
            long evidenceBytes = 0;
            Add("write evidence", await MeasureAsync(() =>
            {
                long annotations = 0;
                foreach (var (audit, evidence, _) in audits)
                {
                    var lines = BlobPairsStore.EvidenceContent(evidence);
                    evidenceBytes += lines.Length;
                    written.Add(WorkCompression.Compress(lines));
                    annotations += audit.Annotations;
                }

                return Task.FromResult(annotations);
            }));
            // Compute stages it as a block of the pairs report (gzip), root causes reads the committed report twice.
            if (run == 0)
            {
                var stagedBytes = written.Sum(w => (long)w.ToMemory().Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  evidence: {evidenceBytes / 1e6:N1} MB of JSON Lines, {evidenceBytes / (double)audits.Sum(a => a.Audit.Annotations):N0} B an annotation, {audits.Sum(a => a.Evidence.Count):N0} pairs; " +
                    $"staged gzip {stagedBytes / 1e6:N1} MB ({evidenceBytes / (double)stagedBytes:N1}:1)"));
            }

            Add("read evidence", await MeasureAsync(async () =>
            {
                long annotations = 0;
                foreach (var ((audit, _, _), content) in audits.Zip(written))
                {
                    await foreach (var pair in BlobPairsStore.ReadEvidenceAsync(WorkCompression.Decompress(content), CancellationToken.None))
                    {
                        GC.KeepAlive(pair);
                    }

                    annotations += audit.Annotations;
                }

                return annotations;
            }));

            Add("write facts", await MeasureAsync(async () =>
            {
                long annotations = 0;
                foreach (var (audit, _, facts) in audits)
                {
                    foreach (var table in FactTable.All)
                    {
                        GC.KeepAlive(await FactParquet.SerializeAsync(facts, origin, table, CancellationToken.None));
                    }

                    annotations += audit.Annotations;
                }

                return annotations;
            }));

            Add("write partial", await MeasureAsync(() =>
            {
                long annotations = 0;
                foreach (var (audit, _, _) in audits)
                {
                    GC.KeepAlive(BlobWorkStore.PartialContent(audit.ToState()));
                    annotations += audit.Annotations;
                }

                return Task.FromResult(annotations);
            }));
        }

        foreach (var (phase, measured) in phases)
        {
            var median = measured.OrderBy(m => m.CpuSeconds).ElementAt(measured.Count / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {phase}: median {median.CpuSeconds:N2} CPU s ({string.Join(", ", measured.Select(m => m.CpuSeconds.ToString("N2", CultureInfo.InvariantCulture)))}), " +
                $"{median.CpuSeconds / shards.Length * 1000:N0} CPU ms a shard, {median.CpuSeconds * 1e9 / median.Annotations:N0} ns and " +
                $"{median.Allocated / (double)median.Annotations:N0} B allocated an annotation ({median.Annotations:N0})"));
        }

        return 0;

        void Add(string phase, Measured measured)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {phase}: {measured.CpuSeconds:N2} CPU s, {measured.WallSeconds:N2} s, {measured.Allocated / (double)measured.Annotations:N0} B allocated an annotation"));
            (phases.TryGetValue(phase, out var list) ? list : phases[phase] = []).Add(measured);
        }
    }

    /// <summary>The delivery through ingest's shard writer into memory: the shards' normalised lines.</summary>
    internal static async Task<byte[][]> ShardAsync(long bytes, int count)
    {
        await using var delivery = new SyntheticDelivery(bytes);
        using var reader = new CanonicalDeliveryReader(delivery, "bench.jsonl");
        await reader.ReadHeaderAsync(CancellationToken.None);
        var outputs = Enumerable.Range(0, count).Select(_ => new MemoryStream()).ToArray();
        await ShardWriter.WriteAsync(reader, outputs, CancellationToken.None);
        return [.. outputs.Select(o => o.ToArray())];
    }

    private static async Task<Measured> MeasureAsync(Func<Task<long>> phase)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var annotations = await phase();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Measured(annotations, (process.TotalProcessorTime - cpu).TotalSeconds, wall, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private readonly record struct Measured(long Annotations, double CpuSeconds, double WallSeconds, long Allocated);
}
