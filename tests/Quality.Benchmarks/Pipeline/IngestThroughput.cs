using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.JsonLines;
using Quality.Pipeline;
using Quality.Pipeline.Activities;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// The bounded-memory issue's figure: a synthetic canonical delivery of the given size through the ingest core of
/// <see cref="Ingest"/> (read and validate each line, pick the item's shard, write the normalised line into the shard's
/// buffer, flush every 64 KiB) on one thread, with the shard blobs replaced by <see cref="Stream.Null"/>. Prints MB/s
/// (1 MB = 10^6 bytes), annotations/s, GC counts and the peak working set; 3 runs, the median.
/// </summary>
internal static class IngestThroughput
{

    private const int Runs = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var bytes = megabytes * 1_000_000;
        var options = new PipelineOptions();
        var shardsAt = Array.IndexOf(args, "--shards");
        var shards = shardsAt > 0
            ? int.Parse(args[shardsAt + 1], CultureInfo.InvariantCulture)
            : ShardAssignment.ShardCount(bytes, options.ShardTargetBytes, options.MaxShards);

        // --rewrite: every annotation serialised anew by CanonicalWriter, as for other formats, instead of passed through.
        var rewrite = args.Contains("--rewrite");
        var generation = Generate(bytes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest {megabytes:N0} MB canonical, {shards} shards, 1 thread{(rewrite ? ", lines rewritten" : "")}; generating the bytes alone: {generation.TotalMilliseconds:N0} ms " +
            $"({bytes / 1e6 / generation.TotalSeconds:N0} MB/s), not subtracted below"));

        var results = new List<Result>();
        for (var run = 0; run < Runs; run++)
        {
            var result = await MeasureAsync(bytes, shards, rewrite);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run + 1}: {result.Seconds:N2} s, {result.MegabytesPerSecond:N1} MB/s, {result.AnnotationsPerSecond:N0} annotations/s, " +
                $"{result.MegabytesPerCpuSecond:N1} MB per CPU-second, GC gen0/1/2 {result.Gen0}/{result.Gen1}/{result.Gen2}, " +
                $"{result.AllocatedPerAnnotation:N0} B allocated per annotation, working set max {result.MaxWorkingSet / (1024 * 1024)} MiB"));
        }

        if (args.Contains("--phases"))
        {
            await PhasesAsync(bytes);
        }

        var median = results.OrderBy(r => r.MegabytesPerSecond).ElementAt(Runs / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest {megabytes:N0} MB ({median.Annotations:N0} annotations), {shards} shards, 1 thread: median {median.MegabytesPerSecond:N1} MB/s, " +
            $"{median.AnnotationsPerSecond:N0} annotations/s, {median.MegabytesPerCpuSecond:N1} MB per CPU-second; " +
            $"peak working set {PeakWorkingSet() / (1024 * 1024)} MiB (whole process, all runs)"));
        return 0;
    }

    /// <summary>Ingest's own shard writer over the delivery, with the shard streams replaced.</summary>
    private static async Task<long> IngestAsync(Stream delivery, Stream[] outputs, bool rewrite, Action<long> progress, CancellationToken cancellationToken)
    {
        using var reader = new CanonicalDeliveryReader(delivery, "bench.jsonl");
        await reader.ReadHeaderAsync(cancellationToken);
        return rewrite
            ? await ShardWriter.WriteAsync(reader.ReadAnnotationAsync, outputs, cancellationToken, progress)
            : await ShardWriter.WriteAsync(reader, outputs, cancellationToken, progress);
    }

    private static async Task<Result> MeasureAsync(long bytes, int shards, bool rewrite)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var maxWorkingSet = 0L;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        await using var delivery = new SyntheticDelivery(bytes);
        var outputs = Enumerable.Repeat(Stream.Null, shards).ToArray();
        var annotations = await IngestAsync(delivery, outputs, rewrite, _ => SampleWorkingSet(), CancellationToken.None);

        var elapsed = clock.Elapsed;
        SampleWorkingSet();
        return new Result(
            delivery.Length,
            annotations,
            elapsed.TotalSeconds,
            (process.TotalProcessorTime - cpu).TotalSeconds,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            maxWorkingSet);

        void SampleWorkingSet()
        {
            process.Refresh();
            maxWorkingSet = Math.Max(maxWorkingSet, process.WorkingSet64);
        }
    }

    /// <summary>
    /// Where ingest's CPU goes: the same delivery split into lines only (<see cref="JsonLinesReader"/>), then also
    /// validated on their bytes as ingest does (<see cref="CanonicalDeliveryReader.ReadValidatedLineAsync"/>), and,
    /// for comparison, parsed and validated into annotations (<see cref="CanonicalDeliveryReader.ReadAnnotationAsync"/>,
    /// what ingest did before and what the audit does), each as MB per CPU-second of the process and bytes allocated
    /// per line; the full ingest run above adds the shard writing.
    /// </summary>
    private static async Task PhasesAsync(long bytes)
    {
        for (var run = 0; run < Runs; run++)
        {
            foreach (var phase in new[] { "lines split only", "lines validated", "lines parsed into annotations" })
            {
                GC.Collect();
                using var process = Process.GetCurrentProcess();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = process.TotalProcessorTime;
                await using var delivery = new SyntheticDelivery(bytes);
                var lines = 0L;
                var parsed = 0L;
                if (phase == "lines parsed into annotations")
                {
                    using var reader = new CanonicalDeliveryReader(delivery, "bench.jsonl");
                    await reader.ReadHeaderAsync(CancellationToken.None);
                    while (await reader.ReadAnnotationAsync(CancellationToken.None) is not null)
                    {
                        lines++;
                    }
                }
                else if (phase == "lines validated")
                {
                    using var reader = new CanonicalDeliveryReader(delivery, "bench.jsonl");
                    await reader.ReadHeaderAsync(CancellationToken.None);
                    while (await reader.ReadValidatedLineAsync(CancellationToken.None) is { } line)
                    {
                        lines++;
                        parsed += line.Annotation is null ? 0 : 1;
                    }
                }
                else
                {
                    using var reader = new JsonLinesReader(delivery, "bench.jsonl");
                    while (await reader.ReadLineAsync(CancellationToken.None) is not null)
                    {
                        lines++;
                    }
                }

                process.Refresh();
                var seconds = (process.TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  phase run {run + 1}, {phase}: {seconds:N2} CPU s, {bytes / 1e6 / seconds:N0} MB per CPU-second, ") +
                    string.Create(CultureInfo.InvariantCulture, $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)lines:N0} B allocated per line" +
                    $"{(phase == "lines validated" ? $", {parsed:N0} of {lines:N0} lines needed the parser" : "")}"));
            }
        }
    }

    /// <summary>Reads the synthetic delivery into a buffer and drops it: the cost of the input alone.</summary>
    private static TimeSpan Generate(long bytes)
    {
        using var delivery = new SyntheticDelivery(bytes);
        var buffer = new byte[64 * 1024];
        var clock = Stopwatch.StartNew();
        while (delivery.Read(buffer) > 0)
        {
        }

        return clock.Elapsed;
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private readonly record struct Result(
        long Bytes, long Annotations, double Seconds, double CpuSeconds, int Gen0, int Gen1, int Gen2, long Allocated, long MaxWorkingSet)
    {
        public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

        public double MegabytesPerCpuSecond => Bytes / 1e6 / CpuSeconds;

        public double AnnotationsPerSecond => Annotations / Seconds;

        public double AllocatedPerAnnotation => (double)Allocated / Annotations;
    }
}
