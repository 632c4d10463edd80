using System.Xml.Linq;
using Quality.Domain.Spc.Series;
using Quality.Pipeline.Reports.Charts;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Reports.Charts;

/// <summary>
/// A control chart of Montgomery's orange-juice cans (p chart: 30 Phase I samples, then 24 after the process was
/// adjusted): every signal the domain finds is drawn as a titled mark at its completing delivery, the batch is marked
/// once, and the SVG is the same bytes every time.
/// </summary>
public sealed class ControlChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static SeriesChartResult OrangeJuice() => SeriesChart.Compute(
        [.. SpcData.OrangeJuiceCounts.Concat(SpcData.OrangeJuicePhaseIICounts).Select((count, i) => new SeriesPoint($"lot-{i + 1}", count, 50, null, "phase"))],
        new SeriesChartOptions { Chart = ChartKind.P, BaselineLength = 30 });

    [Fact]
    public void Figure_OrangeJuice_DrawsEverySignalAtItsCompletingDeliveryAndMarksTheBatchOnce()
    {
        var chart = OrangeJuice();
        Assert.NotEmpty(chart.Signals);

        var figure = ControlChart.Figure("oj", "Control chart: fraction nonconforming", "fraction nonconforming (share of cans)", chart, marked: 54, "summary");
        var svg = XElement.Parse(figure.Svg);

        var signals = Marks(svg, ControlChart.SignalClass);
        var completing = chart.Signals.Select(s => s.Points[^1]).Distinct().Order().ToList();
        Assert.Equal(completing.Select(i => $"delivery {i} (lot-{i}):"), signals.Select(s => s[..(s.IndexOf(':', StringComparison.Ordinal) + 1)]));
        Assert.StartsWith("this batch, delivery 54: value 0.100", Assert.Single(Marks(svg, ControlChart.MarkedClass)), StringComparison.Ordinal);
        Assert.Equal(54, figure.Table.Rows.Count);
        Assert.Equal("54 (this batch)", figure.Table.Rows[^1][0]);
    }

    [Fact]
    public void Figure_SameSeriesTwice_SameBytes_WithClipIdsOfItsOwn()
    {
        var first = ControlChart.Figure("oj", "Control chart", "fraction nonconforming (share of cans)", OrangeJuice(), 54, "summary").Svg;
        var second = ControlChart.Figure("oj", "Control chart", "fraction nonconforming (share of cans)", OrangeJuice(), 54, "summary").Svg;

        Assert.Equal(first, second);
        var clips = XElement.Parse(first).Descendants(Svg + "clipPath").Select(c => (string)c.Attribute("id")!).ToList();
        Assert.NotEmpty(clips);
        Assert.All(clips, id => Assert.StartsWith("oj-", id, StringComparison.Ordinal));
    }

    private static List<string> Marks(XElement svg, string cssClass) =>
        [.. svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == cssClass).Select(g => g.Element(Svg + "title")!.Value)];
}
