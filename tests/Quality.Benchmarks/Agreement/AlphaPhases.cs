using System.Diagnostics;
using System.Globalization;
using Quality.Domain.Agreement;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Csv;

namespace Quality.Benchmarks.Agreement;

/// <summary>
/// Where <c>quality audit</c>'s time goes on the alpha table (<c>e2e-alpha-phases [--units N]</c>): the steps of the
/// ratings table's fast path timed one after another in this process, first run (cold JIT, as the command runs them),
/// wall and process CPU seconds per step — read the rows and group them into rating patterns (in blocks on every core,
/// <see cref="RatingsCsvBlocks"/>; or with <c>--one-pass</c> into one <see cref="TagTable"/>, then grouped),
/// the agreement suite (alpha, its bootstrap, per category, per annotator, the kappas), the JSON view; then the
/// bootstrap alone again, warm, with 1 worker and with all cores.
/// </summary>
internal static class AlphaPhases
{
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--units");
        var units = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 1_000_000;
        var tables = RatingTables.Write(Path.Combine(Path.GetTempPath(), "quality-e2e-alpha"), units, coders: 5, seed: 20);
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var phases = new List<(string Phase, double Seconds, double Cpu)>();
        void Lap(string phase)
        {
            process.Refresh();
            phases.Add((phase, clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
            cpu = process.TotalProcessorTime;
            clock.Restart();
        }

        var file = Path.GetFileName(tables.Long);
        var header = new DeliveryHeader("alpha", "local", "local", new TaxonomyReference("none", "0.0.0"), ["frame-tags"]);
        var audit = new BatchAudit();
        TagTable NewTable(bool groupAsRead, SequenceSet<byte>? items = null) =>
            new(header, file, Quality.Domain.Annotations.AnnotatorRole.Annotator, "value", groupAsRead, items);
        await using (var stream = File.OpenRead(tables.Long))
        {
            using var reader = new RatingsCsvReader(stream, file);
            if (args.Contains("--one-pass"))
            {
                var table = NewTable(groupAsRead: false);
                await reader.ReadIntoAsync(table, CancellationToken.None);
                Lap("read the rows into one tag table");
                table.AddTo(audit);
                Lap("group them into rating patterns");
            }
            else
            {
                await RatingsCsvBlocks.ReadAsync(reader, NewTable, audit, CancellationToken.None);
                Lap($"read and group in blocks on {Environment.ProcessorCount} cores");
            }
        }

        var bootstrap = new BootstrapOptions { Seed = BatchAudit.DefaultSeed };
        var result = audit.Finish(header.Field, bootstrap);
        Lap("agreement suite (alpha, bootstrap, per category, per annotator, kappas)");
        var json = ReportJson.Serialize(AgreementSuiteView.From(result, bootstrap), indented: true);
        Lap("JSON view");

        var total = phases.Sum(p => p.Seconds);
        Console.WriteLine(Invariant($"alpha phases, {units:N0} units, {audit.Annotations:N0} rows, {json.Length:N0} chars of JSON; {Environment.ProcessorCount} cores, load {Audit.GoldAuditEndToEnd.LoadAverage()}"));
        foreach (var (phase, seconds, cpuSeconds) in phases)
        {
            Console.WriteLine(Invariant($"  {phase}: {seconds:0.000} s, {cpuSeconds:0.000} CPU s ({seconds / total:P0})"));
        }

        Console.WriteLine(Invariant($"  total {total:0.000} s; peak working set {process.PeakWorkingSet64 / (1024 * 1024)} MiB"));

        var ratings = audit.Finish(header.Field, bootstrap).Suites[RatingTables.Field];
        var patterns = AuditRatings(audit);
        var field = PairableUnits.From(patterns, ValueScale.For(patterns.Values, MeasurementLevel.Nominal, null));
        foreach (var workers in new[] { 1, Environment.ProcessorCount })
        {
            clock.Restart();
            process.Refresh();
            cpu = process.TotalProcessorTime;
            var (interval, _) = field.Bootstrap(bootstrap with { MaxDegreeOfParallelism = workers }, perCategory: true);
            process.Refresh();
            Console.WriteLine(Invariant($"  bootstrap alone, warm, {workers} worker(s): {clock.Elapsed.TotalSeconds:0.000} s, {(process.TotalProcessorTime - cpu).TotalSeconds:0.000} CPU s; ") +
                Invariant($"interval [{interval.Lower:R}, {interval.Upper:R}] (suite's [{ratings.AlphaInterval.Lower:R}, {ratings.AlphaInterval.Upper:R}])"));
        }

        return 0;
    }

    private static RatingPatterns AuditRatings(BatchAudit audit) => RatingPatterns.FromState(audit.ToState().Fields[RatingTables.Field]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
