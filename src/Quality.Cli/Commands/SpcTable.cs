using System.Globalization;
using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;

namespace Quality.Cli.Commands;

/// <summary>The readable form of <c>quality spc</c>: a summary, one row per point with its flags, then the signals.</summary>
internal static class SpcTable
{
    public static async Task WriteAsync(TextWriter output, string file, SeriesChartResult result)
    {
        await output.WriteLineAsync(Invariant($"{file}: {result.Chart.ToName()} chart, {result.Points.Count} points, {result.Phases.Count} phases; {result.Note}"));
        if (result.Current is { SigmaZ: { } sigmaZ } current)
        {
            await output.WriteLineAsync(Invariant($"  sigmaZ {Number(sigmaZ)}{(current.Note is null ? "" : ": " + current.Note)}"));
        }

        var cusum = result.Chart == ChartKind.Cusum;
        await output.WriteLineAsync(cusum
            ? "  point  label         value       C+          C-          h           flags"
            : "  point  label         value       lcl         center      ucl         flags");
        var signalled = result.Signals.Select(s => s.Points[^1]).ToHashSet();
        foreach (var p in result.Points)
        {
            var flags = (p.InBaseline ? "B" : "") + (p.Excluded ? "X" : "") + (signalled.Contains(p.Index) ? "*" : "") + (p.IsBeyondLimits ? "!" : "");
            var figures = cusum
                ? new[] { p.Value, p.CusumUpper ?? double.NaN, p.CusumLower ?? double.NaN, p.DecisionInterval ?? double.NaN }
                : [p.Value, p.Lower, p.Center, p.Upper];
            await output.WriteLineAsync(Invariant($"  {p.Index,5}  {Truncate(p.Label),-12}  {string.Concat(figures.Select(f => $"{Number(f),-12}"))}{flags}"));
        }

        await output.WriteLineAsync("  flags: B baseline, X excluded from the limits (out of control, with an assignable cause), * completes a signal, ! beyond the limits");
        await output.WriteLineAsync(result.Signals.Count == 0 ? "signals: none" : "signals:");
        foreach (var signal in result.Signals)
        {
            await output.WriteLineAsync(Invariant($"  {Name(signal.Rule)}: points {string.Join(", ", signal.Points)}"));
        }
    }

    private static string Name(SpcRule rule) => char.ToLowerInvariant(rule.ToString()[0]) + rule.ToString()[1..];

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.######", CultureInfo.InvariantCulture) : "-";

    private static string Truncate(string label) => label.Length <= 12 ? label : label[..11] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
