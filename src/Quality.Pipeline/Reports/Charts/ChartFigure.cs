namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// A rendered chart with its text alternative: the SVG (with <c>&lt;title&gt;</c> and <c>&lt;desc&gt;</c>), the one
/// sentence that says what it shows, and the figures behind it as a small table.
/// </summary>
/// <param name="Id">Unique within the page; the SVG's title and description ids derive from it.</param>
/// <param name="Svg">The <c>&lt;svg&gt;</c> element, ready to be inlined in HTML.</param>
/// <param name="Summary">What the chart shows, in one or two sentences with the figures that matter.</param>
public sealed record ChartFigure(string Id, string Title, string Summary, string Svg, ChartTable Table);
