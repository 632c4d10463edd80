using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// The confusion matrix as a heat map: gold classes down (then <c>none</c>: extra objects), the annotators' classes
/// across (then <c>missed</c>). Correct cells are tinted blue, errors orange, each by its share of the row, and every
/// cell carries its count — colour is never the only cue. Each cell is a titled group <c>g.cell</c>. With
/// <c>frameTags</c> the rows are a tag field's gold values (no extra row) and the last column is <c>missing</c>.
/// </summary>
public static class ConfusionHeatMap
{
    public const string CellClass = "cell";

    public static ChartFigure Figure(
        string id, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<long>> counts, string summary,
        bool frameTags = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(counts);
        var model = ChartStyle.Model(title);
        model.PlotAreaBorderThickness = new OxyThickness(0);
        model.Axes.Add(ChartStyle.LabelAxis(AxisPosition.Left, frameTags ? "gold value (the gold key's tag)" : "gold class (objects of the gold key)", rows, reversed: true));
        model.Axes.Add(ChartStyle.LabelAxis(AxisPosition.Bottom, frameTags ? "annotators' value (tagged)" : "annotators' class (objects drawn)", columns));
        var lastRowExtra = !frameTags;
        for (var r = 0; r < rows.Count; r++)
        {
            var total = counts[r].Sum();
            for (var c = 0; c < columns.Count; c++)
            {
                var count = counts[r][c];
                var share = total == 0 ? 0 : (double)count / total;
                var correct = (!lastRowExtra || r < rows.Count - 1) && c < columns.Count - 1 && rows[r] == columns[c];
                var fill = count == 0 ? OxyColor.FromRgb(0xF7, 0xF7, 0xF7) : ChartStyle.Tint(correct ? ChartStyle.Blue : ChartStyle.Vermillion, 0.15 + 0.85 * Math.Sqrt(share));
                model.Annotations.Add(new RectangleAnnotation
                {
                    MinimumX = c - 0.48,
                    MaximumX = c + 0.48,
                    MinimumY = r - 0.46,
                    MaximumY = r + 0.46,
                    Fill = fill,
                    Stroke = OxyColors.White,
                    StrokeThickness = 0,
                    Text = count.ToString(CultureInfo.InvariantCulture),
                    TextColor = count == 0 ? ChartStyle.Muted : ChartStyle.TextOn(fill),
                    FontSize = 12,
                    FontWeight = count > 0 && !correct ? FontWeights.Bold : FontWeights.Normal,
                }.Titled(CellClass, frameTags ? DescribeTag(rows[r], columns[c], c == columns.Count - 1, count, share, total) : Describe(rows[r], columns[c], count, share, total)));
            }
        }

        var table = new ChartTable(["gold \\ annotated", .. columns],
            [.. rows.Select((row, r) => (IReadOnlyList<string>)[row, .. counts[r].Select(n => n.ToString(CultureInfo.InvariantCulture))])]);
        return SvgChart.Figure(id, model, 110 + 46 * rows.Count, summary, table, width: Math.Min(ChartStyle.Width, 200 + 92 * columns.Count));
    }

    private static string Describe(string row, string column, long count, double share, long total) =>
        row == Quality.Domain.Audit.ConfusionView.None
            ? Invariant($"{count} extra objects labelled {column} with no gold object ({share:0.0%} of {total} extras)")
            : column == Quality.Domain.Audit.ConfusionView.Missed
                ? Invariant($"{count} gold {row} missed ({share:0.0%} of {total})")
                : Invariant($"{count} gold {row} labelled {column} ({share:0.0%} of {total})");

    private static string DescribeTag(string row, string column, bool missing, long count, double share, long total) => missing
        ? Invariant($"{count} gold {row} left untagged ({share:0.0%} of {total})")
        : Invariant($"{count} gold {row} tagged {column} ({share:0.0%} of {total})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
