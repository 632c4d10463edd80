using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quality.Benchmarks.EndToEnd;
using Quality.Benchmarks.Pipeline;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// Issue 20 goal 2, end to end as a user waits: the built <c>quality audit manifest.json --json --iou-mode bev</c> as a
/// child process against the Python a data scientist would write (tools/baselines/gold_shapely.py and gold_numpy.py),
/// on the same seeded nuScenes-style files (<see cref="NuScenesGoldDelivery"/>), run alternately so that both sides
/// see the same load. Prints each side's median wall time and peak RSS, the ratios, and checks that every annotator's
/// tp, misclassified, fn and fp against gold and every annotator pair's matches agree.
/// </summary>
/// <remarks>
/// Wall time, peak RSS and CPU time come from <c>/usr/bin/time -f "%e %M %U %S"</c> (GNU time: elapsed seconds, maximum
/// resident set in KiB, user and system seconds), the same measurement for a .NET and a Python child. The CLI must be built in Release first
/// (<c>dotnet build -c Release src/Quality.Cli</c>); the Python side needs Debian's python3-numpy, -scipy and -shapely.
/// </remarks>
internal static class GoldAuditEndToEnd
{
    private const string Python = "/usr/bin/python3";

    /// <param name="args"><c>e2e-gold [frames] [--annotators N] [--runs N] [--project-only] [--cli quality.dll|quality]</c>.</param>
    public static int Run(string[] args)
    {
        var frames = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var f) ? f : 1000;
        var annotators = Option(args, "--annotators", 3);
        var runs = Option(args, "--runs", 3);
        var projectOnly = args.Contains("--project-only");
        var folder = Path.Combine(Path.GetTempPath(), $"quality-e2e-gold-{frames}x{annotators}");
        var manifest = NuScenesGoldDelivery.Write(folder, frames, annotators, seed: 20);
        var bytes = Directory.EnumerateFiles(folder).Sum(p => new FileInfo(p).Length);
        // The build output runs JIT-compiled; --cli names another build: the ReadyToRun publish's quality.dll, or the
        // natively compiled `quality` that eng/install-cli.sh installs where it can.
        var cli = args.SkipWhile(a => a != "--cli").Skip(1).FirstOrDefault()
            ?? Path.Combine(Repository.Root, "src", "Quality.Cli", "bin", "Release", "net10.0", "quality.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"{cli}: not built; run `dotnet build -c Release src/Quality.Cli` (or publish it for --cli) first");
            return 1;
        }

        var (program, arguments) = Checkout.Command(cli, "audit", manifest, "--json", "--iou-mode", "bev");
        var sides = new List<Side> { new("quality audit", program, arguments) };
        if (!projectOnly)
        {
            var baselines = Path.Combine(Repository.Root, "tools", "baselines");
            sides.Add(new("python shapely", Python, [Path.Combine(baselines, "gold_shapely.py"), manifest]));
            sides.Add(new("python numpy", Python, [Path.Combine(baselines, "gold_numpy.py"), manifest]));
        }

        Console.WriteLine(Invariant($"gold audit end to end: {frames:N0} frames x (gold + {annotators} annotators) x {NuScenesGoldDelivery.ObjectsPerFrame} cuboids, nuScenes files {bytes / 1e6:N1} MB, {runs} runs each, alternating"));
        for (var run = 0; run < runs; run++)
        {
            foreach (var side in sides)
            {
                var (seconds, cpu, peakBytes, output) = TimedCommand.Measure(side.Program, side.Arguments);
                var kib = peakBytes / 1024.0;
                side.Seconds.Add(seconds);
                side.PeakKib.Add(kib);
                side.CpuSeconds.Add(cpu);
                side.Counts = side == sides[0] ? ProjectCounts(output) : JsonNode.Parse(output)!.ToJsonString();
                Console.WriteLine(Invariant($"  run {run + 1} {side.Name}: {seconds:0.00} s ({cpu:0.00} CPU-s), peak RSS {kib / 1024.0:N0} MiB; load average {LoadAverage()}"));
            }
        }

        foreach (var side in sides)
        {
            Console.WriteLine(Invariant($"{side.Name}: median {PipelineBenchmarks.Median(side.Seconds):0.00} s, {PipelineBenchmarks.Median(side.CpuSeconds):0.00} CPU-s, peak RSS median {PipelineBenchmarks.Median(side.PeakKib) / 1024:N0} MiB"));
        }

        foreach (var baseline in sides.Skip(1))
        {
            var agree = baseline.Counts == sides[0].Counts;
            Console.WriteLine(Invariant($"{sides[0].Name} vs {baseline.Name}: {PipelineBenchmarks.Median(baseline.Seconds) / PipelineBenchmarks.Median(sides[0].Seconds):0.00}x faster by wall time, {PipelineBenchmarks.Median(baseline.CpuSeconds) / PipelineBenchmarks.Median(sides[0].CpuSeconds):0.00}x by CPU time; counts {(agree ? "agree" : "DIFFER")}"));
            if (!agree)
            {
                Console.WriteLine($"  project:  {sides[0].Counts}\n  baseline: {baseline.Counts}");
            }
        }

        if (sides.Count == 1)
        {
            Console.WriteLine(sides[0].Counts);
        }

        return sides.Skip(1).All(b => b.Counts == sides[0].Counts) ? 0 : 1;
    }

    private sealed record Side(string Name, string Program, string[] Arguments)
    {
        public List<double> Seconds { get; } = [];

        public List<double> PeakKib { get; } = [];

        /// <summary>User + system CPU seconds: what the work costs, less stretched by other processes' load than wall time.</summary>
        public List<double> CpuSeconds { get; } = [];

        public string? Counts { get; set; }
    }

    /// <summary>The figures the baselines print, taken from <c>quality audit --json</c>: per annotator tp, misclassified, fn, fp; per pair the matches.</summary>
    private static string ProjectCounts(string output)
    {
        var report = JsonNode.Parse(output)!;
        var perAnnotator = new JsonObject();
        foreach (var (annotator, score) in report["audit"]!["perAnnotator"]!.AsObject().OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            perAnnotator[annotator] = new JsonObject
            {
                ["fn"] = score!["fn"]!.GetValue<long>(),
                ["fp"] = score["fp"]!.GetValue<long>(),
                ["misclassified"] = score["misclassified"]!.GetValue<long>(),
                ["tp"] = score["tp"]!.GetValue<long>(),
            };
        }

        var pairwise = new JsonObject();
        foreach (var pair in report["spatial"]!["pairwise"]!.AsArray().OrderBy(p => p!["a"]!.GetValue<string>() + "|" + p!["b"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            pairwise[pair!["a"]!.GetValue<string>() + "|" + pair["b"]!.GetValue<string>()] = pair["matches"]!.GetValue<long>();
        }

        return new JsonObject { ["pairwise"] = pairwise, ["perAnnotator"] = perAnnotator }.ToJsonString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    internal static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
