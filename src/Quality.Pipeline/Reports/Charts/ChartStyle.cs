using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;

namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// The one look of every chart the product draws — batch report, daily brief, dashboard: the Okabe–Ito palette
/// (distinguishable with every common colour-vision deficiency, and always paired with text or marker shape), one font
/// stack, sizes, light grid lines and axes that always name their unit.
/// </summary>
/// <remarks>
/// Okabe, M. and Ito, K. (2008), "Color Universal Design (CUD): How to make figures and presentations that are friendly
/// to colorblind people". Text is measured with the Helvetica metrics OxyPlot carries (<see cref="PdfRenderContext"/>);
/// the font stack names Helvetica and its metric twins (Arial, Liberation Sans) so the browser lays text out as measured.
/// </remarks>
public static class ChartStyle
{
    public const string FontFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif";

    public static readonly OxyColor Black = OxyColor.FromRgb(0x00, 0x00, 0x00);
    public static readonly OxyColor Orange = OxyColor.FromRgb(0xE6, 0x9F, 0x00);
    public static readonly OxyColor SkyBlue = OxyColor.FromRgb(0x56, 0xB4, 0xE9);
    public static readonly OxyColor BluishGreen = OxyColor.FromRgb(0x00, 0x9E, 0x73);
    public static readonly OxyColor Yellow = OxyColor.FromRgb(0xF0, 0xE4, 0x42);
    public static readonly OxyColor Blue = OxyColor.FromRgb(0x00, 0x72, 0xB2);
    public static readonly OxyColor Vermillion = OxyColor.FromRgb(0xD5, 0x5E, 0x00);
    public static readonly OxyColor ReddishPurple = OxyColor.FromRgb(0xCC, 0x79, 0xA7);

    /// <summary>Text, axes and neutral marks.</summary>
    public static readonly OxyColor Ink = OxyColor.FromRgb(0x22, 0x22, 0x22);

    /// <summary>Secondary marks: grid lines, zones, not-evaluable rules.</summary>
    public static readonly OxyColor Muted = OxyColor.FromRgb(0x8A, 0x8A, 0x8A);

    public static readonly OxyColor Grid = OxyColor.FromRgb(0xE3, 0xE3, 0xE3);

    /// <summary>Series colours in order, Okabe–Ito without black and yellow (too light on white for thin marks).</summary>
    public static IReadOnlyList<OxyColor> Categorical { get; } = [Blue, Orange, BluishGreen, ReddishPurple, SkyBlue, Vermillion];

    /// <summary>Meaning colours, used with a word or a marker shape beside them, never alone.</summary>
    public static OxyColor Passed => BluishGreen;

    public static OxyColor Failed => Vermillion;

    public static OxyColor NotEvaluable => Muted;

    /// <summary>Marks what the chart is about: this batch on a control chart.</summary>
    public static OxyColor Highlight => Orange;

    public const double Width = 720;

    /// <summary>A plot model with the house look: title, fonts, white background, room for a legend below.</summary>
    public static PlotModel Model(string title, string? subtitle = null)
    {
        var model = new PlotModel
        {
            Title = title,
            Subtitle = subtitle,
            DefaultFont = FontFamily,
            DefaultFontSize = 11,
            TitleFontSize = 14,
            TitleFontWeight = FontWeights.Bold,
            SubtitleFontSize = 11,
            TitleHorizontalAlignment = TitleHorizontalAlignment.CenteredWithinView,
            TextColor = Ink,
            TitleColor = Ink,
            SubtitleColor = Muted,
            Background = OxyColors.White,
            PlotAreaBorderColor = Grid,
            PlotAreaBorderThickness = new OxyThickness(1),
            Padding = new OxyThickness(8, 8, 16, 8),
        };
        return model;
    }

    /// <summary>A legend below the plot area, horizontal: it never covers data.</summary>
    public static void AddLegend(PlotModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Legends.Add(new Legend
        {
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.BottomCenter,
            LegendOrientation = LegendOrientation.Horizontal,
            LegendBorderThickness = 0,
            LegendFontSize = 10.5,
            LegendTextColor = Ink,
            LegendSymbolLength = 18,
        });
    }

    /// <summary>
    /// A legend entry with no data: series that carry a tooltip stay out of the legend (OxyPlot would draw their tooltip
    /// group a second time there), and this stands in for them.
    /// </summary>
    public static void LegendEntry(PlotModel model, string title, MarkerType marker, OxyColor color)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Series.Add(new OxyPlot.Series.ScatterSeries { Title = title, MarkerType = marker, MarkerSize = 4.5, MarkerFill = color, MarkerStroke = OxyColors.White });
    }

    /// <summary>A value axis; <paramref name="title"/> names the quantity and its unit, e.g. "rate (share of gold objects)".</summary>
    public static LinearAxis ValueAxis(AxisPosition position, string title, double? minimum = null, double? maximum = null) => new()
    {
        Position = position,
        Title = title,
        Minimum = minimum ?? double.NaN,
        Maximum = maximum ?? double.NaN,
        MajorGridlineStyle = LineStyle.Solid,
        MajorGridlineColor = Grid,
        MinorGridlineStyle = LineStyle.None,
        TicklineColor = Muted,
        AxislineColor = Muted,
        TitleFontSize = 11,
        FontSize = 10.5,
        MinimumPadding = 0.02,
        MaximumPadding = 0.02,
    };

    /// <summary>
    /// An axis of named rows or columns at 0, 1, 2…: <paramref name="labels"/>[i] at i, the first at the top (left) when
    /// <paramref name="firstAtStart"/> is false for a vertical axis.
    /// </summary>
    public static LinearAxis LabelAxis(AxisPosition position, string title, IReadOnlyList<string> labels, bool reversed = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new LinearAxis
        {
            Position = position,
            Title = title,
            Minimum = -0.5,
            Maximum = Math.Max(labels.Count, 1) - 0.5,
            MajorStep = 1,
            MinorStep = 1,
            StartPosition = reversed ? 1 : 0,
            EndPosition = reversed ? 0 : 1,
            MajorGridlineStyle = LineStyle.None,
            TickStyle = TickStyle.None,
            AxislineColor = Muted,
            TitleFontSize = 11,
            FontSize = 10.5,
            IsZoomEnabled = false,
            IsPanEnabled = false,
            LabelFormatter = v =>
            {
                var i = (int)Math.Round(v);
                return Math.Abs(v - i) < 1e-9 && i >= 0 && i < labels.Count ? labels[i] : "";
            },
        };
    }

    /// <summary>The colour <paramref name="share"/> (0–1) of the way from white to <paramref name="color"/>: heat-map cells.</summary>
    public static OxyColor Tint(OxyColor color, double share)
    {
        var t = Math.Clamp(share, 0, 1);
        byte Mix(byte channel) => (byte)Math.Round(255 + (channel - 255) * t);
        return OxyColor.FromRgb(Mix(color.R), Mix(color.G), Mix(color.B));
    }

    /// <summary>Black or white, whichever reads better on <paramref name="fill"/> (relative luminance, WCAG 2).</summary>
    public static OxyColor TextOn(OxyColor fill)
    {
        static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Linear(fill.R) + 0.7152 * Linear(fill.G) + 0.0722 * Linear(fill.B);
        return luminance > 0.35 ? Ink : OxyColors.White;
    }
}
