using System.Globalization;
using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;

namespace Quality.Cli.Commands;

/// <summary>
/// The text table of frame tags against gold in <c>quality audit</c>: per field the pooled row (<c>all</c>) then each
/// annotator, with accuracy and Cohen's kappa against gold, each with its 95% interval, and the n behind them.
/// </summary>
internal static class TagGoldText
{
    public static async Task WriteAsync(TextWriter output, TagGoldView tags)
    {
        await output.WriteLineAsync("  tags against gold (accuracy: a missing tag counts as wrong; kappa: Cohen's, over the tagged items):");
        string[] header = ["field", "annotator", "accuracy [95% CI]", "kappa [95% CI]", "n", "missing"];
        var rows = tags.Fields.SelectMany(f => f.Value.PerAnnotator.Select(a => (Annotator: a.Key, Score: a.Value))
                .Prepend((Annotator: "all", Score: f.Value.Overall))
                .Select(a => Row(f.Key, a.Annotator, a.Score)))
            .ToList();
        var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await output.WriteLineAsync("    " + string.Join("  ", row.Select((cell, c) => c >= 4 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string[] Row(string field, string annotator, TagScoreView score) =>
    [
        field,
        annotator,
        $"{Figure(score.Accuracy)} {Interval(score.AccuracyCi95)}",
        score.Kappa is null ? ReportText.Undefined(score.KappaUndefinedReason ?? "no item tagged") : $"{Figure(score.Kappa)} {Interval(score.KappaCi95)}",
        score.Compared.ToString(CultureInfo.InvariantCulture),
        score.Missing.ToString(CultureInfo.InvariantCulture),
    ];

    private static string Figure(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "undefined";

    private static string Interval(double[]? ci) => ci is null ? "[undefined]" : $"[{Figure(ci[0])}, {Figure(ci[1])}]";
}
