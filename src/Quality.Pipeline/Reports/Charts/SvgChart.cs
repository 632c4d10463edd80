using System.Xml.Linq;
using OxyPlot;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// Renders a plot model to an accessible, self-contained SVG element: <c>role="img"</c>, a <c>&lt;title&gt;</c> and a
/// <c>&lt;desc&gt;</c> it is labelled by, a <c>viewBox</c> so it scales to the page, and one titled group per series or
/// annotation that has a tooltip (<see cref="ChartRenderContext"/>). Series and annotations name their group's CSS class
/// in their <c>Tag</c>.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static ChartFigure Figure(string id, PlotModel model, double height, string summary, ChartTable table, double width = ChartStyle.Width)
    {
        ArgumentNullException.ThrowIfNull(model);
        var title = model.Title ?? id;
        return new ChartFigure(id, title, summary, Render(id, model, width, height, title, summary), table);
    }

    public static string Render(string id, PlotModel model, double width, double height, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var series in model.Series.Where(s => !string.IsNullOrEmpty(s.ToolTip) && s.Tag is string))
        {
            classes.TryAdd(series.ToolTip, (string)series.Tag);
        }

        foreach (var annotation in model.Annotations.Where(a => !string.IsNullOrEmpty(a.ToolTip) && a.Tag is string))
        {
            classes.TryAdd(annotation.ToolTip, (string)annotation.Tag);
        }

        using var stream = new MemoryStream();
        using (var context = new ChartRenderContext(stream, width, height, classes))
        {
            ((IPlotModel)model).Update(true);
            ((IPlotModel)model).Render(context, new OxyRect(0, 0, width, height));
            context.Complete();
        }

        stream.Position = 0;
        var svg = XDocument.Load(stream).Root!;
        svg.SetAttributeValue("viewBox", FormattableString.Invariant($"0 0 {width} {height}"));
        svg.SetAttributeValue("width", null);
        svg.SetAttributeValue("height", null);
        svg.SetAttributeValue("version", null);
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("class", "chart");
        svg.SetAttributeValue("aria-labelledby", $"{id}-title {id}-desc");
        svg.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description));
        // Inline SVGs share the page's id space: OxyPlot's clipPath1, clipPath2… are made unique per chart.
        foreach (var clip in svg.Descendants(Svg + "clipPath"))
        {
            clip.SetAttributeValue("id", $"{id}-{clip.Attribute("id")!.Value}");
        }

        foreach (var clipped in svg.Descendants().Where(e => e.Attribute("clip-path") is not null))
        {
            clipped.SetAttributeValue("clip-path", clipped.Attribute("clip-path")!.Value.Replace("url(#", $"url(#{id}-", StringComparison.Ordinal));
        }

        foreach (var unused in svg.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.LocalName == "xlink").ToList())
        {
            unused.Remove();
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A tooltip-carrying annotation or series is drawn in its own titled group; this sets both at once.</summary>
    public static T Titled<T>(this T element, string cssClass, string title) where T : PlotElement
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Tag = cssClass;
        element.ToolTip = title;
        return element;
    }
}
