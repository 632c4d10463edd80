using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Series;
using Quality.Domain.Spc.Series;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// A control chart of a monitored series (<see cref="SeriesChartResult"/>): the plotted statistic per delivery, the
/// centre line and 3σ limits per point (they step with each delivery's n on p and u charts), the zone boundaries at
/// ±1σ and ±2σ the run rules read, points in a signal drawn as red triangles, and one delivery marked (the batch a
/// report is about) in orange with a vertical line. CUSUM charts plot both sums against the decision interval. The
/// marked delivery is a titled group <c>g.marked</c>, each signal point <c>g.signal</c>.
/// </summary>
public static class ControlChart
{
    public const string MarkedClass = "marked";

    public const string SignalClass = "signal";

    /// <param name="valueTitle">The statistic and its unit, e.g. "gold error rate (share of gold objects)".</param>
    /// <param name="marked">1-based index of the delivery to mark; null for none.</param>
    public static ChartFigure Figure(string id, string title, string valueTitle, SeriesChartResult chart, int? marked, string summary)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var cusum = chart.Chart == ChartKind.Cusum;
        var model = ChartStyle.Model(title, $"{chart.Chart.ToName()} chart · {chart.Note}");
        model.Axes.Add(ChartStyle.ValueAxis(AxisPosition.Bottom, "delivery (arrival order)", 0.5, Math.Max(chart.Points.Count, 2) + 1));
        model.Axes[^1].MajorStep = Math.Max(1, Math.Ceiling(chart.Points.Count / 12.0));
        model.Axes[^1].MinorStep = model.Axes[^1].MajorStep;
        model.Axes.Add(ChartStyle.ValueAxis(AxisPosition.Left, cusum ? $"cumulative sum of deviations ({valueTitle})" : valueTitle));

        if (cusum)
        {
            AddLine(model, "decision interval h", Limit(chart, p => p.DecisionInterval ?? double.NaN), ChartStyle.Vermillion, LineStyle.Dash, 1.3);
            AddLine(model, "C+", chart.Points.Select(p => (p.Index, p.CusumUpper ?? double.NaN)), ChartStyle.Blue, LineStyle.Solid, 1.6, MarkerType.Circle);
            AddLine(model, "C−", chart.Points.Select(p => (p.Index, p.CusumLower ?? double.NaN)), ChartStyle.ReddishPurple, LineStyle.Solid, 1.6, MarkerType.Square);
        }
        else
        {
            foreach (var k in new[] { -2, -1, 1, 2 })
            {
                AddLine(model, k == 1 ? "zone boundaries (±1σ, ±2σ)" : null, Limit(chart, p => p.Center + k * (p.Upper - p.Center) / 3), ChartStyle.Muted, LineStyle.Dot, 0.9);
            }

            AddLine(model, "control limits (±3σ)", Limit(chart, p => p.Upper), ChartStyle.Vermillion, LineStyle.Dash, 1.3);
            AddLine(model, null, Limit(chart, p => p.Lower), ChartStyle.Vermillion, LineStyle.Dash, 1.3);
            AddLine(model, "centre line", Limit(chart, p => p.Center), ChartStyle.Ink, LineStyle.Solid, 1);
            AddLine(model, chart.Chart == ChartKind.Ewma ? "EWMA" : "delivery", chart.Points.Select(p => (p.Index, p.Value)), ChartStyle.Blue, LineStyle.Solid, 1.6, MarkerType.Circle);
        }

        foreach (var point in chart.Points)
        {
            var rules = chart.Signals.Where(s => s.Points[^1] == point.Index).Select(s => s.Rule.ToString()).ToList();
            if (rules.Count > 0)
            {
                var signal = new ScatterSeries { MarkerType = MarkerType.Triangle, MarkerSize = 6, MarkerFill = ChartStyle.Failed, MarkerStroke = OxyColors.White, RenderInLegend = false }
                    .Titled(SignalClass, Invariant($"delivery {point.Index} ({point.Label}): {string.Join(", ", rules)}"));
                signal.Points.Add(new ScatterPoint(point.Index, cusum ? Math.Max(point.CusumUpper ?? 0, point.CusumLower ?? 0) : point.Value));
                model.Series.Add(signal);
            }
        }

        if (marked is { } index && index >= 1 && index <= chart.Points.Count)
        {
            var point = chart.Points[index - 1];
            model.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical,
                X = index,
                Color = ChartStyle.Highlight,
                StrokeThickness = 1.5,
                LineStyle = LineStyle.Dash,
                Text = "this batch",
                TextColor = ChartStyle.Ink,
                FontSize = 10,
                TextOrientation = AnnotationTextOrientation.Horizontal,
                TextVerticalAlignment = VerticalAlignment.Top,
            });
            var mark = new ScatterSeries { RenderInLegend = false, MarkerType = MarkerType.Diamond, MarkerSize = 7, MarkerFill = ChartStyle.Highlight, MarkerStroke = ChartStyle.Ink, MarkerStrokeThickness = 1 }
                .Titled(MarkedClass, Invariant($"this batch, delivery {index}: {Describe(point, cusum)}"));
            mark.Points.Add(new ScatterPoint(index, cusum ? Math.Max(point.CusumUpper ?? 0, point.CusumLower ?? 0) : point.Value));
            model.Series.Add(mark);
            ChartStyle.LegendEntry(model, "this batch", MarkerType.Diamond, ChartStyle.Highlight);
        }

        if (chart.Signals.Count > 0)
        {
            ChartStyle.LegendEntry(model, "signal", MarkerType.Triangle, ChartStyle.Failed);
        }

        ChartStyle.AddLegend(model);
        var table = new ChartTable(["delivery", "batch", "value", "centre", "limits", "rules fired"],
            [.. chart.Points.Select(p => (IReadOnlyList<string>)[
                Invariant($"{p.Index}{(p.Index == marked ? " (this batch)" : "")}"), p.Label, Number(p.Value), Number(p.Center),
                double.IsFinite(p.Lower) || double.IsFinite(p.Upper) ? $"[{Number(p.Lower)}, {Number(p.Upper)}]" : "none yet",
                string.Join(", ", chart.Signals.Where(s => s.Points[^1] == p.Index).Select(s => s.Rule.ToString())) is { Length: > 0 } fired ? fired : "–"])]);
        return SvgChart.Figure(id, model, 330, summary, table);
    }

    private static string Describe(SeriesChartPoint point, bool cusum) => cusum
        ? Invariant($"C+ {Number(point.CusumUpper ?? double.NaN)}, C− {Number(point.CusumLower ?? double.NaN)}, h {Number(point.DecisionInterval ?? double.NaN)}")
        : Invariant($"value {Number(point.Value)}, centre {Number(point.Center)}, limits [{Number(point.Lower)}, {Number(point.Upper)}]");

    /// <summary>A limit per point, broken where the phase or the baseline ends: limits estimated apart are never joined.</summary>
    private static IEnumerable<(int Index, double Value)> Limit(SeriesChartResult chart, Func<SeriesChartPoint, double> limit)
    {
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (i > 0 && (chart.Points[i].PhaseIndex != chart.Points[i - 1].PhaseIndex || chart.Points[i].InBaseline != chart.Points[i - 1].InBaseline))
            {
                yield return (chart.Points[i].Index, double.NaN);
            }

            yield return (chart.Points[i].Index, limit(chart.Points[i]));
        }
    }

    private static void AddLine(
        PlotModel model, string? title, IEnumerable<(int Index, double Value)> points, OxyColor color, LineStyle style, double thickness, MarkerType marker = MarkerType.None)
    {
        var line = new LineSeries
        {
            Title = title,
            RenderInLegend = title is not null,
            Color = color,
            LineStyle = style,
            StrokeThickness = thickness,
            MarkerType = marker,
            MarkerSize = 3.2,
            MarkerFill = color,
        };
        foreach (var (index, value) in points)
        {
            line.Points.Add(double.IsFinite(value) ? new DataPoint(index, value) : DataPoint.Undefined);
        }

        if (line.Points.Any(p => p.IsDefined()))
        {
            model.Series.Add(line);
        }
    }

    internal static string Number(double value) =>
        double.IsFinite(value) ? value.ToString(Math.Abs(value) < 0.01 && value != 0 ? "0.0000" : "0.000", CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
