using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Manifest;
using Quality.Domain.Geometry;
using Quality.Domain.RootCauses;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// Where the end-to-end gold audit's time goes (<c>e2e-gold-phases [frames]</c>): the steps <c>quality audit
/// manifest.json --json --iou-mode bev</c> takes, timed one after another in this process on the delivery
/// <see cref="GoldAuditEndToEnd"/> writes — read and parse the files, group by item, the spatial audit of every item
/// (candidate pairs, IoU, matching, consensus), the agreement suites with their bootstrap, the spatial views with
/// theirs, and the JSON. A profiler splits the spatial step further (docs/performance.md, Gold audit).
/// </summary>
internal static class GoldAuditPhases
{
    public static async Task<int> RunAsync(string[] args)
    {
        var frames = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var f) ? f : 1000;
        var folder = Path.Combine(Path.GetTempPath(), $"quality-e2e-gold-{frames}x3");
        var manifestPath = NuScenesGoldDelivery.Write(folder, frames, annotators: 3, seed: 20);
        // Wall and CPU seconds of each step (CPU above wall: a step on both cores), the bytes it allocated and the
        // collections they cost.
        var clock = Stopwatch.StartNew();
        var (cpu, allocated, collections) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
        var phases = new List<(string Phase, double Seconds, double CpuSeconds, long Bytes, int Collections)>();
        using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
        var sampled = new List<List<(string Type, long Bytes)>>();
        void Lap(string phase)
        {
            var (cpuNow, allocatedNow, collectionsNow) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
            phases.Add((phase, clock.Elapsed.TotalSeconds, (cpuNow - cpu).TotalSeconds, allocatedNow - allocated, collectionsNow - collections));
            (cpu, allocated, collections) = (cpuNow, allocatedNow, collectionsNow);
            sampled.Add(sampler?.Take(top: 12) ?? []);
            clock.Restart();
        }

        var manifest = ManifestParser.Parse(await File.ReadAllBytesAsync(manifestPath), "manifest.json", fallback: ("local", "local", "local"));
        var annotations = new List<Annotation>();
        using (var reader = new ManifestDeliveryReader(manifest, new FolderFiles(folder), "manifest.json") { ReadAhead = true })
        {
            while (await reader.ReadAsync(CancellationToken.None) is { } annotation)
            {
                annotations.Add(annotation);
            }
        }

        Lap("read and parse 4 nuScenes files");
        var byItem = annotations.GroupBy(a => a.Item, StringComparer.Ordinal).Select(g => (IReadOnlyList<Annotation>)g.ToList()).ToList();
        Lap("group by item");
        // As the command: every gold comparison outcome is kept for the root-cause analysis.
        var spatialOptions = new SpatialOptions { CuboidMode = CuboidIouMode.BirdsEyeView };
        var evidence = new List<EvidencePair>();
        var audit = new BatchAudit(spatialOptions, evidence);
        audit.AddItems("manifest.json", byItem);

        Lap("spatial audit of every item (pairs, IoU, matching, consensus)");
        var bootstrap = new BootstrapOptions { Seed = BatchAudit.DefaultSeed };
        var result = audit.Finish(manifest.Header.Field, bootstrap);
        Lap("agreement suites of the consensus fields, with bootstrap");
        var agreement = AgreementSuiteView.From(result, bootstrap);
        var spatial = SpatialReportView.From(result.Spatial, bootstrap);
        Lap("gold and spatial views (geometry alpha bootstrap)");
        var rootCauses = RootCauseAnalysis.Analyse(evidence, new RootCauseOptions { Thresholds = spatialOptions.Thresholds });
        Lap("root causes of the gold comparison outcomes (two tallies of the evidence, tests)");
        var json = ReportJson.Serialize(new { agreement, spatial, rootCauses }, indented: true);
        Lap("JSON");
        var total = phases.Sum(p => p.Seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gold audit phases, {frames:N0} frames, {annotations.Count:N0} cuboids, {json.Length / 1e6:N1} MB of JSON; load average {GoldAuditEndToEnd.LoadAverage()}"));
        foreach (var (phase, seconds, cpuSeconds, bytes, gcs) in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {phase}: {seconds:0.00} s ({seconds / total:P0}), {cpuSeconds:0.00} CPU-s, {bytes / 1e6:N0} MB allocated, {gcs} collections"));
            foreach (var (type, sampledBytes) in sampled[phases.FindIndex(p => p.Phase == phase)])
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {sampledBytes / 1e6,7:N1} MB  {type}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  total {total:0.00} s, {phases.Sum(p => p.CpuSeconds):0.00} CPU-s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB"));
        return 0;
    }

    private sealed class FolderFiles(string folder) : IDeliveryFiles
    {
        public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(File.OpenRead(Path.Combine(folder, path)));
    }
}
