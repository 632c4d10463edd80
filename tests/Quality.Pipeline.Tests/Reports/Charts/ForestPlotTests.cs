using System.Xml.Linq;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Tests.Reports.Charts;

public sealed class ForestPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Figure_RowsWithAndWithoutIntervals_OneTitledBarPerInterval_UndefinedSaidInWords()
    {
        ForestRow[] rows =
        [
            new("weather", "weather (nominal)", 0.81, 0.76, 0.86, "α 0.810"),
            new("weather", "  weather = rain", 0.64, null, null, "no interval"),
            new("weather", "  weather = <snow & \"ice\">", null, null, null, "undefined"),
            new("road", "road (ordinal)", 0.92, 0.9, 0.94, "α 0.920") { Threshold = 0.8 },
        ];

        var figure = ForestPlot.Figure("forest", "Agreement <per> field", "Krippendorff's α (1 = perfect agreement)", rows, "summary & more");
        var svg = XElement.Parse(figure.Svg);

        var bars = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == ForestPlot.IntervalClass).Select(g => g.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(["weather (nominal): α 0.810", "road (ordinal): α 0.920"], bars);
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == ForestPlot.ThresholdClass);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "undefined");
        // Text is escaped by the XML writer: the label with markup characters reads back as written.
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "  weather = <snow & \"ice\">");
        Assert.Equal("Agreement <per> field", svg.Element(Svg + "title")!.Value);
        Assert.Equal(["row", "estimate", "95% CI", "figures"], figure.Table.Columns);
        Assert.Equal(["  weather = rain", "0.640", "none", "no interval"], figure.Table.Rows[1]);
    }
}
