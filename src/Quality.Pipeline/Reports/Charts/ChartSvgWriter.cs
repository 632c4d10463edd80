using OxyPlot;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>OxyPlot's SVG writer, able to open a group with a <c>&lt;title&gt;</c>: one per series or annotation.</summary>
internal sealed class ChartSvgWriter(Stream stream, double width, double height) : SvgWriter(stream, width, height, isDocument: false)
{
    public void BeginGroup(string? cssClass, string title)
    {
        WriteStartElement("g");
        if (cssClass is not null)
        {
            WriteAttributeString("class", cssClass);
        }

        WriteStartElement("title");
        WriteString(title);
        WriteEndElement();
    }

    public void EndGroup() => WriteEndElement();
}
