using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Quality.Tests.Shared.Reports;

/// <summary>
/// A batch report page as a reader's tools see it: its inline SVG charts parsed as XML, its titled marks by class, and
/// the checks every report must pass (self-contained, every chart titled) and the ones its figures must (one interval
/// per field and class of the agreement JSON, a scorecard per annotator, the confusion matrix cell by cell).
/// </summary>
internal sealed partial class ReportPage
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public ReportPage(string html)
    {
        Html = html;
        Charts = [.. SvgElement().Matches(html).Select(m => XElement.Parse(m.Value))];
    }

    public string Html { get; }

    public IReadOnlyList<XElement> Charts { get; }

    /// <summary>The chart whose title id is <c>{id}-title</c>.</summary>
    public XElement Chart(string id) =>
        Assert.Single(Charts, c => (string?)c.Element(Svg + "title")?.Attribute("id") == $"{id}-title");

    /// <summary>The titles of the chart's groups of a class (<c>g.ci</c>, <c>g.cell</c>…), in drawing order.</summary>
    public static IReadOnlyList<string> Marks(XElement chart, string cssClass) =>
        [.. chart.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == cssClass).Select(g => g.Element(Svg + "title")!.Value)];

    /// <summary>No fetch at view time: no script, no external stylesheet, no http(s) in any src or href, no CSS import.</summary>
    public void AssertSelfContained()
    {
        Assert.DoesNotMatch(ScriptOrLink(), Html);
        Assert.DoesNotMatch(ExternalReference(), Html);
        Assert.DoesNotContain("@import", Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(CssUrl(), Html);
    }

    /// <summary>Every chart is an image labelled by its own title and description, the title its first child and not empty.</summary>
    public void AssertChartsTitled()
    {
        Assert.NotEmpty(Charts);
        foreach (var chart in Charts)
        {
            var title = chart.Elements().First();
            Assert.Equal(Svg + "title", title.Name);
            Assert.False(string.IsNullOrWhiteSpace(title.Value));
            Assert.Equal("img", (string?)chart.Attribute("role"));
            var labels = ((string?)chart.Attribute("aria-labelledby"))!.Split(' ');
            Assert.Equal([(string)title.Attribute("id")!, (string)chart.Element(Svg + "desc")!.Attribute("id")!], labels);
        }
    }

    /// <summary>One interval bar per field and per class of the agreement report with an interval, each titled with its bounds, then the consensus alphas.</summary>
    public void AssertForestMatches(JsonNode agreement, JsonNode? audit)
    {
        var expected = new List<string>();
        foreach (var (name, field) in agreement["fields"]!.AsObject())
        {
            if (Bounds(field!["alphaCi95"]) is { } ci)
            {
                expected.Add($"{name} ({(string)field["level"]!}): α {F(field["krippendorffAlpha"])}, 95% CI {ci}");
            }

            foreach (var (value, c) in field["perClass"]!.AsObject())
            {
                if (Bounds(c!["alphaCi95"]) is { } classCi)
                {
                    expected.Add($"  {name} = {value}: one-vs-rest α {F(c["alpha"])}, 95% CI {classCi}");
                }
            }
        }

        if (audit?["spatial"]?["consensus"] is { } consensus)
        {
            foreach (var (label, key) in new[] { ("objects: existence", "existence"), ("objects: class", "class") })
            {
                if (Bounds(consensus[key]!["alphaCi95"]) is { } ci)
                {
                    expected.Add($"{label}: nominal α {F(consensus[key]!["alpha"])}, 95% CI {ci}");
                }
            }
        }

        var bars = Marks(Chart("agreement-forest"), "ci");
        Assert.Equal(expected.Count, bars.Count);
        Assert.All(expected.Zip(bars), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    /// <summary>A scorecard row and three interval bars (precision, recall, F1) for every annotator compared with gold.</summary>
    public void AssertScorecards(JsonNode audit)
    {
        var bars = Marks(Chart("scorecards"), "ci");
        var annotators = audit["audit"]!["perAnnotator"]!.AsObject().Where(a => a.Value!["tp"] is not null).ToList();
        Assert.NotEmpty(annotators);
        Assert.Equal(3 * annotators.Count, bars.Count);
        foreach (var (annotator, card) in annotators)
        {
            foreach (var metric in new[] { "precision", "recall", "F1" })
            {
                var key = metric == "F1" ? "f1" : metric;
                Assert.Contains(bars, b => b.StartsWith($"{annotator} {metric}: {metric} {F(card![key])}, 95% CI {Bounds(card[key + "Ci95"])}", StringComparison.Ordinal));
            }

            Assert.Contains($"<td>{annotator}</td>", Html, StringComparison.Ordinal);
        }
    }

    /// <summary>The heat map has every cell of the confusion matrix, row by row, each titled with its count.</summary>
    public void AssertHeatMapMatches(JsonNode confusion)
    {
        var counts = confusion["counts"]!.AsArray().SelectMany(row => row!.AsArray().Select(n => (long)n!)).ToList();
        var cells = Marks(Chart("confusion"), "cell");
        Assert.Equal(confusion["rows"]!.AsArray().Count * confusion["columns"]!.AsArray().Count, cells.Count);
        Assert.Equal(counts, cells.Select(c => long.Parse(c[..c.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture)));
    }

    private static string? Bounds(JsonNode? ci) =>
        ci is JsonArray { Count: 2 } bounds ? string.Create(CultureInfo.InvariantCulture, $"[{(double)bounds[0]!:0.000}, {(double)bounds[1]!:0.000}]") : null;

    private static string F(JsonNode? value) => value is null ? "undefined" : ((double)value).ToString("0.000", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<svg\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    // A link to a data: URL loads nothing: the empty icon that keeps a browser from asking the server for /favicon.ico.
    [GeneratedRegex(@"<script\b|<link\b(?![^>]*href=""data:)|<iframe\b|<img\b|<object\b|<embed\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrLink();

    [GeneratedRegex(@"\b(src|href|xlink:href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"url\(\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();
}
