using OxyPlot;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// Renders an OxyPlot model to SVG as OxyPlot's own <see cref="SvgRenderContext"/> does, and puts every series and
/// annotation that has a tooltip into a <c>&lt;g class="{tag}"&gt;</c> whose <c>&lt;title&gt;</c> is that tooltip: a
/// text alternative per mark (read by screen readers, shown on hover) and a handle for tests and stylesheets.
/// </summary>
/// <remarks>
/// OxyPlot calls <see cref="SetToolTip"/> with each series' and annotation's <c>ToolTip</c> before drawing it and with
/// null after; it does so for legend entries too, so a titled series stays out of the legend (<see cref="ChartStyle.LegendEntry"/>
/// stands in for it). A group ends at any change of clip, so groups and OxyPlot's clip groups always nest. Text is measured with the Helvetica metrics of <see cref="PdfRenderContext"/>, so no font or native
/// graphics library is needed on the server and the output is the same on every machine.
/// </remarks>
internal sealed class ChartRenderContext : ClippingRenderContext, IDisposable
{
    private const double PixelsPerPoint = 96.0 / 72.0;

    private readonly ChartSvgWriter _writer;
    private readonly IReadOnlyDictionary<string, string> _classes;
    private readonly PdfRenderContext _measurer;
    private bool _inGroup;

    /// <param name="classes">The CSS class of the group of a tooltip (the series' <c>Tag</c>).</param>
    public ChartRenderContext(Stream stream, double width, double height, IReadOnlyDictionary<string, string> classes)
    {
        _writer = new ChartSvgWriter(stream, width, height);
        _classes = classes;
        _measurer = new PdfRenderContext(width, height, OxyColors.White);
        RendersToScreen = false;
    }

    public override void SetToolTip(string text)
    {
        EndGroup();
        if (!string.IsNullOrEmpty(text))
        {
            _writer.BeginGroup(_classes.GetValueOrDefault(text), text);
            _inGroup = true;
        }
    }

    public override void DrawEllipse(OxyRect rect, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        _writer.WriteEllipse(rect.Left, rect.Top, rect.Width, rect.Height, _writer.CreateStyle(fill, stroke, thickness), edgeRenderingMode);

    public override void DrawLine(IList<ScreenPoint> points, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray, LineJoin lineJoin) =>
        _writer.WritePolyline(points, _writer.CreateStyle(OxyColors.Undefined, stroke, thickness, dashArray, lineJoin), edgeRenderingMode);

    public override void DrawPolygon(
        IList<ScreenPoint> points, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode, double[]? dashArray, LineJoin lineJoin) =>
        _writer.WritePolygon(points, _writer.CreateStyle(fill, stroke, thickness, dashArray, lineJoin), edgeRenderingMode);

    public override void DrawRectangle(OxyRect rect, OxyColor fill, OxyColor stroke, double thickness, EdgeRenderingMode edgeRenderingMode) =>
        _writer.WriteRectangle(rect.Left, rect.Top, rect.Width, rect.Height, _writer.CreateStyle(fill, stroke, thickness), edgeRenderingMode);

    public override void DrawText(
        ScreenPoint p, string text, OxyColor fill, string fontFamily, double fontSize, double fontWeight, double rotation,
        HorizontalAlignment horizontalAlignment, VerticalAlignment verticalAlignment, OxySize? maxSize)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var lines = text.Split('\n');
        var lineHeight = MeasureText("Xg", fontFamily, fontSize, fontWeight).Height;
        var radians = rotation / 180.0 * Math.PI;
        var start = verticalAlignment switch
        {
            VerticalAlignment.Bottom => -(lines.Length - 1) * lineHeight,
            VerticalAlignment.Middle => -(lines.Length - 1) * lineHeight / 2,
            _ => 0,
        };
        for (var i = 0; i < lines.Length; i++)
        {
            var offset = start + i * lineHeight;
            var at = new ScreenPoint(p.X - Math.Sin(radians) * offset, p.Y + Math.Cos(radians) * offset);
            _writer.WriteText(at, lines[i], fill, fontFamily, fontSize, fontWeight, rotation, horizontalAlignment, verticalAlignment);
        }
    }

    /// <remarks>The PDF context measures in points (1/72 in); SVG user units are CSS pixels (1/96 in).</remarks>
    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        if (string.IsNullOrEmpty(text))
        {
            return OxySize.Empty;
        }

        var points = _measurer.MeasureText(text, fontFamily, fontSize, fontWeight);
        return new OxySize(points.Width * PixelsPerPoint, points.Height * PixelsPerPoint);
    }

    public void Complete()
    {
        SetToolTip(null!);
        _writer.Complete();
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>A group never spans a change of clip, so groups and clip groups always nest.</summary>
    protected override void SetClip(OxyRect clippingRectangle)
    {
        EndGroup();
        _writer.BeginClip(clippingRectangle.Left, clippingRectangle.Top, clippingRectangle.Width, clippingRectangle.Height);
    }

    protected override void ResetClip()
    {
        EndGroup();
        _writer.EndClip();
    }

    private void EndGroup()
    {
        if (_inGroup)
        {
            _writer.EndGroup();
            _inGroup = false;
        }
    }
}
