using System.Globalization;
using System.Net;
using System.Text;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports.Html;

/// <summary>
/// The pieces every report page is made of — encoded text, numbers with intervals, tables and chart figures — so the
/// batch report, the daily brief and the dashboard write them alike. Every value passes through <see cref="H"/>.
/// </summary>
public static class HtmlText
{
    /// <summary>
    /// A page's start up to <c>&lt;body&gt;</c>: the report stylesheet (and <paramref name="css"/>) inline, and an empty
    /// icon, so a browser asks the server for nothing but the page.
    /// </summary>
    /// <param name="kind">What generated it: "batch report", "daily brief", "dashboard".</param>
    public static string Document(string title, string kind, string css = "") => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="icon" href="data:,">
        <meta name="generator" content="Serverless.Quality {H(kind)}">
        <title>{H(title)}</title>
        <style>{ReportStylesheet.Css}{css}</style>
        </head>
        """;

    /// <summary>HTML-encodes text (&lt;, &gt;, &amp;, quotes); null is an empty string.</summary>
    public static string H(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Number(double? value, string format = "0.000") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";

    public static string Count(long? value) => value?.ToString("#,0", CultureInfo.InvariantCulture) ?? "–";

    public static string Interval(double[]? ci, string format = "0.000") =>
        ci is [var lo, var hi] ? $"[{lo.ToString(format, CultureInfo.InvariantCulture)}, {hi.ToString(format, CultureInfo.InvariantCulture)}]" : "no interval";

    /// <summary>"0.930 [0.917, 0.942]" as one cell, the interval smaller.</summary>
    public static string WithInterval(double? value, double[]? ci) =>
        value is null ? "<span class=\"undefined\">undefined</span>" : $"{H(Number(value))} <span class=\"ci\">{H(Interval(ci))}</span>";

    public static string Pill(string status) => $"<span class=\"pill {H(status.Replace(' ', '-'))}\">{H(status)}</span>";

    /// <summary>A section with no data: one sentence, never silence.</summary>
    public static string Missing(string sentence) => $"<p class=\"missing\">{H(sentence)}</p>";

    /// <summary>A table from pre-encoded cells; columns whose header starts with '#' are numeric (right-aligned).</summary>
    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var numeric = headers.Select(h => h.StartsWith('#')).ToList();
        var html = new StringBuilder();
        html.Append(cssClass is null ? "<table>" : $"<table class=\"{H(cssClass)}\">");
        if (caption is not null)
        {
            html.Append($"<caption>{H(caption)}</caption>");
        }

        html.Append("<thead><tr>");
        foreach (var (header, i) in headers.Select((h, i) => (h, i)))
        {
            html.Append(numeric[i] ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">").Append(H(header.TrimStart('#'))).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i < numeric.Count && numeric[i] ? "<td class=\"num\">" : "<td>").Append(row[i]).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A chart as a figure: the SVG, its summary as the caption, and its data table folded away below.</summary>
    public static string Figure(ChartFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var table = Table(figure.Table.Columns, figure.Table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(H)]), "data");
        return $"""
            <figure class="chart" id="figure-{H(figure.Id)}">
            {figure.Svg}
            <figcaption>{H(figure.Summary)}</figcaption>
            <details class="data"><summary>Data behind “{H(figure.Title)}”</summary>{table}</details>
            </figure>
            """;
    }
}
