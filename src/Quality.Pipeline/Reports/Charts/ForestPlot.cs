using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// Estimates with their 95% intervals, one row each: the forest plot of meta-analysis (Lewis and Clarke 2001), used for
/// agreement per field and class, annotator scorecards and the figures a verdict rests on. Each interval is a titled
/// group <c>g.ci</c> (its figures in words), each threshold <c>g.threshold</c>; a row without an interval shows its estimate alone, a row without an
/// estimate the word "undefined".
/// </summary>
public static class ForestPlot
{
    public const string IntervalClass = "ci";

    public const string ThresholdClass = "threshold";

    /// <param name="axisTitle">The quantity and its unit, e.g. "Krippendorff's α (1 = perfect agreement, 0 = chance)".</param>
    /// <param name="references">Vertical reference lines: value and label.</param>
    public static ChartFigure Figure(
        string id, string title, string axisTitle, IReadOnlyList<ForestRow> rows, string summary,
        IReadOnlyList<(double Value, string Label)>? references = null, double? minimum = null, double? maximum = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var model = ChartStyle.Model(title);
        var labels = rows.Select(r => r.Label).ToList();
        model.Axes.Add(ChartStyle.LabelAxis(AxisPosition.Left, "", labels, reversed: true));
        model.Axes.Add(ChartStyle.ValueAxis(AxisPosition.Bottom, axisTitle, minimum, maximum));
        var groups = rows.Select(r => r.Group).Distinct(StringComparer.Ordinal).ToList();
        var markers = new[] { MarkerType.Square, MarkerType.Circle, MarkerType.Diamond, MarkerType.Triangle };
        foreach (var (value, label) in references ?? [])
        {
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical,
                X = value,
                Color = ChartStyle.Muted,
                LineStyle = LineStyle.Dash,
                StrokeThickness = 1,
                Text = label,
                TextColor = ChartStyle.Muted,
                FontSize = 10,
                TextOrientation = AnnotationTextOrientation.Horizontal,
                TextLinePosition = 0,
                TextVerticalAlignment = VerticalAlignment.Top,
            });
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var color = ColorOf(row, groups);
            if (row.Lower is { } lower && row.Upper is { } upper)
            {
                var bar = new LineSeries { Color = color, StrokeThickness = 2.5, RenderInLegend = false }.Titled(IntervalClass, $"{row.Label}: {row.Detail}");
                bar.Points.Add(new DataPoint(lower, i));
                bar.Points.Add(new DataPoint(upper, i));
                model.Series.Add(bar);
            }

            if (row.Threshold is { } threshold)
            {
                var tick = new ScatterSeries { MarkerType = MarkerType.Plus, MarkerSize = 6, MarkerStroke = ChartStyle.Ink, MarkerStrokeThickness = 1.5, RenderInLegend = false }
                    .Titled(ThresholdClass, Invariant($"{row.Label}: threshold {threshold:0.###}"));
                tick.Points.Add(new ScatterPoint(threshold, i));
                model.Series.Add(tick);
            }
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var inGroup = rows.Select((r, i) => (Row: r, Index: i)).Where(r => r.Row.Group == groups[g] && r.Row.Estimate is not null).ToList();
            foreach (var status in inGroup.GroupBy(r => r.Row.Status))
            {
                var points = new ScatterSeries
                {
                    Title = status.Key is null ? groups[g] : $"{groups[g]}: {status.Key}",
                    MarkerType = markers[g % markers.Length],
                    MarkerSize = 4.5,
                    MarkerFill = ColorOf(status.First().Row, groups),
                    MarkerStroke = OxyColors.White,
                    MarkerStrokeThickness = 0.8,
                };
                points.Points.AddRange(status.Select(r => new ScatterPoint(r.Row.Estimate!.Value, r.Index)));
                model.Series.Add(points);
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Estimate is null)
            {
                model.Annotations.Add(new TextAnnotation
                {
                    TextPosition = new DataPoint(maximum ?? 1, i),
                    Text = "undefined",
                    TextColor = ChartStyle.Muted,
                    FontSize = 10,
                    StrokeThickness = 0,
                    TextHorizontalAlignment = HorizontalAlignment.Right,
                    TextVerticalAlignment = VerticalAlignment.Middle,
                });
            }
        }

        if (groups.Count > 1 || rows.Any(r => r.Status is not null))
        {
            ChartStyle.AddLegend(model);
        }

        var table = new ChartTable(["row", "estimate", "95% CI", "figures"], [.. rows.Select(r => (IReadOnlyList<string>)
            [r.Label, Number(r.Estimate), r.Lower is { } l && r.Upper is { } u ? Invariant($"[{l:0.000}, {u:0.000}]") : "none", r.Detail])]);
        var height = 90 + 22 * rows.Count + (model.Legends.Count > 0 ? 30 : 0);
        return SvgChart.Figure(id, model, height, summary, table);
    }

    private static OxyColor ColorOf(ForestRow row, List<string> groups) => row.Status switch
    {
        "passed" => ChartStyle.Passed,
        "failed" => ChartStyle.Failed,
        "not evaluable" => ChartStyle.NotEvaluable,
        _ => ChartStyle.Categorical[groups.IndexOf(row.Group) % ChartStyle.Categorical.Count],
    };

    internal static string Number(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "undefined";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
