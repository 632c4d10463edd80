using System.Globalization;
using Quality.Domain.Audit.Tags;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>Builds <see cref="TagGoldSection"/>: kappa against gold per field and annotator, and the weakest field's confusion.</summary>
internal static class TagGoldPart
{
    public static TagGoldSection Build(BatchReportSources sources)
    {
        if (sources.TagGold is not { WeakestField: { } weakest } tags)
        {
            return new TagGoldSection(null, null, null, "No frame tags against gold: the batch has no frame tag with a gold key to compare with.");
        }

        var rows = tags.Fields.SelectMany(f => f.Value.PerAnnotator.Select(a => (Group: f.Key, Label: $"{f.Key} {a.Key}", Score: a.Value))
                .Append((Group: f.Key, Label: $"{f.Key} all", Score: f.Value.Overall)))
            .Select(r => new ForestRow(r.Group, r.Label, r.Score.Kappa, Bound(r.Score.KappaCi95, 0), Bound(r.Score.KappaCi95, 1),
                Invariant($"Cohen's kappa {AgreementPart.F(r.Score.Kappa)}, 95% CI {AgreementPart.Ci(r.Score.KappaCi95)}; accuracy {AgreementPart.F(r.Score.Accuracy)} ({r.Score.Correct} of {r.Score.Compared}, {r.Score.Missing} untagged)")))
            .ToList();
        var lowest = tags.Fields.SelectMany(f => f.Value.PerAnnotator.Select(a => (Field: f.Key, Annotator: a.Key, a.Value.Kappa)))
            .Where(a => a.Kappa is not null).OrderBy(a => a.Kappa).FirstOrDefault();
        var forest = ForestPlot.Figure("tag-kappa", "Frame tags: Cohen's kappa against gold (95% CI)", "Cohen's κ against gold (1 = all as gold, 0 = chance)", rows,
            lowest.Field is null
                ? "No annotator has a defined kappa against gold."
                : Invariant($"Weakest field {weakest} (pooled κ {AgreementPart.F(tags.Fields[weakest].Overall.Kappa)}); lowest annotator {lowest.Annotator} on {lowest.Field}, κ {AgreementPart.F(lowest.Kappa)}."),
            minimum: rows.Any(r => r.Lower < 0) ? null : 0, maximum: 1);

        var confusion = tags.Fields[weakest].Overall.Confusion;
        var worst = confusion.Counts.SelectMany((row, r) => row.Select((n, c) => (N: n, Row: confusion.Rows[r], Column: confusion.Columns[c])))
            .Where(x => x.Row != x.Column && x.N > 0).OrderByDescending(x => x.N).FirstOrDefault();
        var summary = worst.N == 0
            ? $"Every gold {weakest} value was tagged as gold by every annotator."
            : Invariant($"The largest error cell of {weakest}: {worst.N} gold {worst.Row} {(worst.Column == TagConfusionView.Missing ? "left untagged" : $"tagged {worst.Column}")}.");
        var heatMap = ConfusionHeatMap.Figure("tag-confusion", $"{weakest}: gold value against tagged value, all annotators", confusion.Rows, confusion.Columns, confusion.Counts,
            summary, frameTags: true);
        return new TagGoldSection(tags, forest, heatMap, null);
    }

    private static double? Bound(double[]? ci, int index) => ci is [_, _] ? ci[index] : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
