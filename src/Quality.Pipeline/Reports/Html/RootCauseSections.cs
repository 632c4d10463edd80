using System.Globalization;
using System.Text;
using static Quality.Pipeline.Reports.Html.HtmlText;

namespace Quality.Pipeline.Reports.Html;

/// <summary>The report's root-cause section: a ranked table of where errors concentrate and the forest plot of their differences.</summary>
public static class RootCauseSections
{
    public static string RootCauses(RootCauseSection? s, string number)
    {
        var html = new StringBuilder($"<section id=\"root-causes\"><h2>{H(number)}. Where errors concentrate</h2>");
        if (s is null || s.Missing is not null)
        {
            return html.Append(Missing(s?.Missing ?? "No root-cause drill-down on record for this batch.")).Append("</section>").ToString();
        }

        if (s.Ranked.Count == 0)
        {
            return html.Append(Invariant($"<p>No error kind concentrates in any stratum: none of the {s.Tested} error kind × stratum tests is significant after Benjamini–Hochberg (q ≤ 0.05).</p>"))
                .Append("</section>").ToString();
        }

        html.Append("<p>Each error kind (missed, extra, misclassified, attribute, localisation) by every stratum — frame tags, class, range, size, attributes, annotator, delivery metadata — ");
        html.Append("and the strongest strata crossed in pairs. <em>System</em> means every annotator errs there: fix the guideline, tool or data; <em>individual</em> names whom to coach.</p>");
        html.Append(Table(["#rank", "error", "where", "#rate here", "#elsewhere", "#ratio", "#q", "who", "statement"], s.Ranked.Select((c, i) => (IReadOnlyList<string>)
        [
            H(Invariant($"{i + 1}")), H(c.ErrorKind), H(Quality.Domain.RootCauses.ConcentrationWording.Where(c.Where)) + (c.SameAs.Count > 0 ? $" <span class=\"ci\">(same objects as {H(string.Join("; ", c.SameAs))})</span>" : ""),
            WithInterval(c.Rate, c.RateCi95), WithInterval(c.RestRate, c.RestRateCi95), c.RateRatio is { } r ? H(Number(r, "0.0")) + "×" : "unbounded",
            H(Number(c.QValue, "0.####")), Pill(RootCausePart.Source(c.Source)), H(c.Statement),
        ]), caption: s.Total > s.Ranked.Count ? Invariant($"The {s.Ranked.Count} strongest of {s.Total}; all, with their evidence rows, in /root-causes.") : null));
        html.Append(Figure(s.Chart!));
        html.Append($"<p class=\"note\">{H(s.Method ?? "")}</p>");
        return html.Append("</section>").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
