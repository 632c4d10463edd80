using System.Globalization;
using System.Text.Json;
using Quality.Benchmarks.EndToEnd;

namespace Quality.Benchmarks.Agreement;

/// <summary>
/// Issue 20, goal 1: <c>quality audit FILE --json</c> on the long ratings table (1,000,000 units × 5 coders, nominal,
/// <see cref="RatingTables"/>) as a user runs it, the built command as a child process, against
/// <c>tools/baselines/alpha_numpy.py</c> on the wide table of the same draws; alternately, several runs each; medians,
/// peak RSS and the ratio. The command prints the whole suite (alpha with its 1,000-replicate bootstrap interval, per
/// category and per annotator, the kappas); the baseline plain alpha. Both alphas must agree to 1e-9. Also prints the
/// floors: the command doing nothing (<c>--version</c>) and reading the file's bytes once. <c>--cli PATH</c> runs another
/// build of the command than src/Quality.Cli's Release output: a quality.dll, or the native `quality` (eng/install-cli.sh).
/// </summary>
internal static class AlphaEndToEnd
{
    public static int Run(string[] args)
    {
        var units = Option(args, "--units", 1_000_000);
        var runs = Option(args, "--runs", 5);
        var folder = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), "quality-e2e-alpha");
        // The build output runs JIT-compiled; --cli names another build: the ReadyToRun publish's quality.dll, or the
        // natively compiled `quality` that eng/install-cli.sh installs where it can.
        var cli = args.SkipWhile(a => a != "--cli").Skip(1).FirstOrDefault() ?? Checkout.QualityCli();
        var tables = RatingTables.Write(folder, units, coders: 5, seed: 20);
        var bytes = new FileInfo(tables.Long).Length;
        Console.WriteLine(Invariant($"e2e-alpha: {units:N0} units × 5 coders, nominal, {RatingTables.Categories} categories, latent class, ") +
            Invariant($"{RatingTables.Agreement:P0} agreement, {RatingTables.Missing:P0} missing; long table {bytes / 1e6:N1} MB, wide table {new FileInfo(tables.Wide).Length / 1e6:N1} MB; ") +
            Invariant($"{Environment.ProcessorCount} cores, load {SideBySide.LoadAverage()}"));

        var version = Checkout.Command(cli, "--version");
        var floor = TimedCommand.Measure(version.Program, version.Arguments);
        var read = ReadSeconds(tables.Long);
        Console.WriteLine(Invariant($"floors: `quality --version` {floor.Seconds:N3} s ({SideBySide.Mib(floor.PeakRssBytes)} MiB); reading the long table's bytes once {read:N3} s"));

        var audit = Checkout.Command(cli, "audit", tables.Long, "--json");
        var project = new SideBySide.Side("quality audit --json", () => TimedCommand.Measure(audit.Program, audit.Arguments));
        var baseline = new SideBySide.Side("alpha_numpy.py", () => TimedCommand.Measure(Checkout.Python, [Checkout.Baseline("alpha_numpy.py"), tables.Wide]));
        var result = SideBySide.Run(project, baseline, runs);

        var ours = ProjectAlpha(result.Project[^1].Output);
        var theirs = JsonDocument.Parse(result.Baseline[^1].Output).RootElement.GetProperty("alpha").GetDouble();
        var agree = Math.Abs(ours - theirs) <= 1e-9;
        Console.WriteLine(Invariant($"alpha: project {ours:R}, numpy {theirs:R}, |difference| {Math.Abs(ours - theirs):E2} {(agree ? "≤" : ">")} 1e-9"));
        Console.WriteLine(Invariant($"memory: project peak RSS {SideBySide.Mib(result.Project.Max(r => r.PeakRssBytes))} MiB = ") +
            Invariant($"{result.Project.Max(r => r.PeakRssBytes) / (double)bytes:N2}× the input file"));
        return agree ? 0 : 1;
    }

    private static double ProjectAlpha(string json)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("agreement").GetProperty("fields").GetProperty(RatingTables.Field).GetProperty("krippendorffAlpha").GetDouble();
    }

    /// <summary>Seconds to read the file once through a 1 MiB buffer, from the page cache: what no reader can beat.</summary>
    private static double ReadSeconds(string path)
    {
        var buffer = new byte[1 << 20];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stream = File.OpenRead(path);
        while (stream.Read(buffer) > 0)
        {
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
