using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Series;
using Quality.Domain.Findings;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// Annotators' error rates against their opportunities, inside the funnel of what chance alone gives around the pool's
/// rate (Spiegelhalter 2005: exact binomial limits at 95% and 99.8%, <see cref="FunnelLimits"/>). An annotator flagged
/// by the findings (above the upper 95% limit around the rate of the others, <see cref="FunnelPlot"/>) is drawn in the
/// failure colour with a triangle. Each annotator is a titled group <c>g.annotator</c>.
/// </summary>
public static class FunnelChart
{
    public const string AnnotatorClass = "annotator";

    /// <param name="quantity">What the rate counts, with its unit, e.g. "gold error rate (misclassified + missed, share of gold objects)".</param>
    public static ChartFigure Figure(string id, string title, string quantity, string opportunities, IReadOnlyList<AnnotatorErrors> annotators, string summary)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        var model = ChartStyle.Model(title);
        var counted = annotators.Where(a => a.Opportunities > 0).ToArray();
        var points = FunnelPlot.Points(counted, 0.95);
        var pooled = counted.Sum(a => a.Opportunities) is var n and > 0 ? (double)counted.Sum(a => a.Errors) / n : double.NaN;
        var maxN = Math.Max(10, counted.Select(a => a.Opportunities).DefaultIfEmpty(10).Max() * 1.25);
        var maxRate = points.Select(p => p.Rate).Append(pooled).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        model.Axes.Add(ChartStyle.ValueAxis(OxyPlot.Axes.AxisPosition.Bottom, opportunities, 0, maxN));
        var top = Math.Min(1, Math.Max(0.05, maxRate * 1.4));
        // A little room below 0, so an annotator without errors is drawn whole on the axis.
        model.Axes.Add(ChartStyle.ValueAxis(OxyPlot.Axes.AxisPosition.Left, quantity, -top * 0.04, top));
        if (double.IsFinite(pooled))
        {
            foreach (var (level, style, name) in new[] { (0.95, LineStyle.Dash, "95% limits"), (0.998, LineStyle.Dot, "99.8% limits") })
            {
                var upper = new LineSeries { Title = name, Color = ChartStyle.Muted, LineStyle = style, StrokeThickness = 1.2 };
                var lower = new LineSeries { Color = ChartStyle.Muted, LineStyle = style, StrokeThickness = 1.2, RenderInLegend = false };
                for (var k = 1; k <= 80; k++)
                {
                    var size = (long)Math.Max(1, Math.Round(maxN * k / 80));
                    var (lo, hi) = FunnelLimits.Limits(level, size, pooled);
                    upper.Points.Add(new DataPoint(size, hi));
                    lower.Points.Add(new DataPoint(size, lo));
                }

                model.Series.Add(upper);
                model.Series.Add(lower);
            }

            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Horizontal,
                Y = pooled,
                Color = ChartStyle.Ink,
                StrokeThickness = 1,
                Text = Invariant($"pool {pooled:0.0%}"),
                FontSize = 10,
                TextColor = ChartStyle.Ink,
            });
        }

        foreach (var p in points)
        {
            var flagged = p.FlaggedHigh;
            var series = new ScatterSeries
            {
                RenderInLegend = false,
                MarkerType = flagged ? MarkerType.Triangle : MarkerType.Circle,
                MarkerSize = 5.5,
                MarkerFill = flagged ? ChartStyle.Failed : ChartStyle.Blue,
                MarkerStroke = OxyColors.White,
                LabelFormatString = p.Annotator.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal),
                LabelMargin = 4,
                FontSize = 10,
            }.Titled(AnnotatorClass, Invariant($"{p.Annotator}: {p.Errors} of {p.Opportunities} ({p.Rate:0.0%}); the others {p.ExpectedRate:0.0%}, 95% limits {p.Lower:0.0%}–{p.Upper:0.0%}{(flagged ? ", flagged" : "")}"));
            series.Points.Add(new ScatterPoint(p.Opportunities, p.Rate));
            model.Series.Add(series);
        }

        ChartStyle.LegendEntry(model, "within chance", MarkerType.Circle, ChartStyle.Blue);
        if (points.Any(p => p.FlaggedHigh))
        {
            ChartStyle.LegendEntry(model, "above the others' limit", MarkerType.Triangle, ChartStyle.Failed);
        }

        ChartStyle.AddLegend(model);
        var table = new ChartTable(["annotator", "errors", "n", "rate", "rate of the others", "95% limits", "flagged"],
            [.. points.Select(p => (IReadOnlyList<string>)[p.Annotator, Invariant($"{p.Errors}"), Invariant($"{p.Opportunities}"), Invariant($"{p.Rate:0.000}"),
                Invariant($"{p.ExpectedRate:0.000}"), Invariant($"[{p.Lower:0.000}, {p.Upper:0.000}]"), p.FlaggedHigh ? "yes" : "no"])]);
        return SvgChart.Figure(id, model, 340, summary, table);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
