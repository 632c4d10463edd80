using System.Globalization;
using System.Text;
using Quality.Pipeline.Reports.Charts;
using Quality.Pipeline.Rollups;
using static Quality.Pipeline.Reports.Html.HtmlText;

namespace Quality.Pipeline.Reports.Html;

/// <summary>
/// Renders a <see cref="DailyBrief"/> as one self-contained HTML page, in the batch report's style (its stylesheet,
/// its forest plots): the day's top risks first, then per pipeline the vendors' deliveries, verdicts, lots and rework,
/// the pooled gold error rate against the last 30 days, each delivery's agreement with its interval, and open findings.
/// </summary>
public static class DailyBriefPage
{
    public static string Render(DailyBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        var html = new StringBuilder();
        html.Append($"""
            {Document($"Daily quality brief — {brief.Date}", "daily brief")}
            <body>
            <main>
            <header>
            <p class="kicker">Daily quality brief</p>
            <h1>{H(brief.Date)} (UTC)</h1>
            <dl class="meta"><div><dt>Deliveries</dt><dd>{brief.Deliveries}</dd></div><div><dt>Pipelines</dt><dd>{brief.Pipelines.Count}</dd></div>
            <div><dt>Computed</dt><dd>{H(brief.ComputedTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</dd></div></dl>
            </header>
            """);
        if (brief.Note is not null)
        {
            html.Append(Missing(brief.Note));
        }

        html.Append(Risks("Top risks of the day", "risks", brief.Risks, brief.Pipelines.Count > 0 ? "No risk stood out: no rule failed, no lot was rejected, no error rate rose and no system or individual error is open." : null));
        foreach (var pipeline in brief.Pipelines)
        {
            html.Append(Pipeline(pipeline));
        }

        html.Append($"""
            <footer>
            <p>Intervals are 95%: error rates pool the day's errors over its opportunities (gold objects compared; annotations checked) with a Wilson
            interval; the trend is the day against the same pool over the {DailyBrief.HistoryDays} days before, judged on Newcombe's hybrid score interval of the
            difference (a change only when it excludes 0). Agreement is each delivery's own Krippendorff's α at its weakest field's level with its bootstrap
            interval, never averaged. The same figures as JSON: /api/rollups/daily?date={H(brief.Date)}.</p>
            </footer>
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static string Risks(string title, string id, IReadOnlyList<BriefRisk> risks, string? none)
    {
        if (risks.Count == 0)
        {
            return none is null ? "" : $"<section id=\"{H(id)}\"><h2>{H(title)}</h2>{Missing(none)}</section>";
        }

        return $"<section id=\"{H(id)}\"><h2>{H(title)}</h2><ol class=\"risks\">"
            + string.Concat(risks.Select(r => $"<li>{Pill(r.Kind)} <strong>{H(r.Pipeline)}</strong>: {H(r.Sentence)}</li>"))
            + "</ol></section>";
    }

    private static string Pipeline(PipelineBrief p)
    {
        var id = "pipeline-" + p.Pipeline;
        var html = new StringBuilder($"<section id=\"{H(id)}\" class=\"pipeline\"><h2>{H(p.Pipeline)}</h2>");
        var tallies = p.Vendors.Append(p.Total).ToList();
        html.Append(Table(
            ["vendor", "#deliveries", "#reviews", "#accepted", "#with findings", "#rejected", "#not judged", "#lots accepted", "#lots rejected", "#items to rework", "#items"],
            tallies.Select(t => (IReadOnlyList<string>)
            [
                t.Vendor is null ? "<strong>all vendors</strong>" : H(t.Vendor), H(Count(t.VendorDeliveries)), H(Count(t.ReviewDeliveries)),
                H(Count(t.Verdicts.Accepted)), H(Count(t.Verdicts.AcceptedWithFindings)), H(Count(t.Verdicts.Rejected)), H(Count(t.Verdicts.NotJudged)),
                H(Count(t.Lots.Accepted)), H(Count(t.Lots.Rejected)), H(Count(t.ItemsSentToRework)), H(Count(t.Items)),
            ]), "deliveries", "Deliveries, verdicts and lots"));
        html.Append(Rates(p, tallies, "gold", "Gold error rate", t => t.GoldErrorRate, "gold objects missed or misclassified"));
        html.Append(Rates(p, tallies, "violations", "Taxonomy violation rate", t => t.ViolationRate, "annotations breaking a taxonomy rule"));
        html.Append(Agreement(p));
        html.Append(Findings(p.OpenFindings));
        html.Append(Risks("Risks of " + p.Pipeline, id + "-risks", p.Risks, null));
        return html.Append("</section>").ToString();
    }

    private static string Rates(PipelineBrief p, List<DeliveryTally> tallies, string key, string name, Func<DeliveryTally, RateTrend?> rateOf, string what)
    {
        var rated = tallies.Where(t => rateOf(t) is not null).ToList();
        if (rated.Count == 0)
        {
            return $"<h3>{H(name)}</h3>" + Missing(key == "gold"
                ? "No gold error rate: no delivery of the day had a gold key to compare with."
                : "No violation rate: no delivery of the day was checked against a registered taxonomy.");
        }

        var rows = new List<ForestRow>();
        foreach (var t in rated)
        {
            var r = rateOf(t)!;
            var label = t.Vendor ?? "all vendors";
            rows.Add(new ForestRow("the day", label + ", the day", r.Rate, r.Ci95?[0], r.Ci95?[1],
                Invariant($"{r.Errors} of {r.Opportunities} {what}")));
            rows.Add(new ForestRow($"the {DailyBrief.HistoryDays} days before", label + $", {DailyBrief.HistoryDays} days before", r.History.Rate, r.History.Ci95?[0], r.History.Ci95?[1],
                Invariant($"{r.History.Errors} of {r.History.Opportunities} over {r.History.Deliveries} deliveries since {r.History.From}")));
        }

        var figure = ForestPlot.Figure($"{key}-{p.Pipeline}", $"{name} of {p.Pipeline}: the day against the {DailyBrief.HistoryDays} days before",
            $"{name} (share of {what}), 95% Wilson interval", rows,
            $"{name} per vendor, pooled over the day's deliveries, with the same pool over the {DailyBrief.HistoryDays} days before.", minimum: 0);
        var table = Table(["vendor", "#errors", "#opportunities", "#rate", $"#{DailyBrief.HistoryDays} days before", "#difference", "trend"],
            rated.Select(t =>
            {
                var r = rateOf(t)!;
                return (IReadOnlyList<string>)
                [
                    t.Vendor is null ? "<strong>all vendors</strong>" : H(t.Vendor), H(Count(r.Errors)), H(Count(r.Opportunities)), WithInterval(r.Rate, r.Ci95),
                    WithInterval(r.History.Rate, r.History.Ci95), WithInterval(r.Difference, r.DifferenceCi95), Pill(r.Trend),
                ];
            }), "rates");
        return $"<h3>{H(name)}</h3>" + Figure(figure) + table;
    }

    private static string Agreement(PipelineBrief p)
    {
        var deliveries = p.Total.Agreement;
        if (deliveries.Count == 0)
        {
            return "<h3>Agreement</h3>" + Missing("No agreement figures: no vendor delivery of the day completed.");
        }

        var table = Table(["vendor", "delivery", "statistic", "field", "#value", $"#median, {DailyBrief.HistoryDays} days before", "trend"],
            deliveries.Select(a => (IReadOnlyList<string>)
            [
                H(a.Vendor), H(a.DeliveryId ?? a.Batch), H(a.Statistic), H(a.Field ?? "–"),
                a.Value is null ? $"<span class=\"undefined\">undefined ({H(a.UndefinedReason)})</span>" : WithInterval(a.Value, a.Ci95),
                H(Number(a.HistoryMedian)), Pill(a.Trend),
            ]), "agreement");
        var defined = deliveries.Where(a => a.Value is not null).ToList();
        if (defined.Count == 0)
        {
            return "<h3>Agreement</h3>" + table;
        }

        var rows = defined.Select(a => new ForestRow(a.Statistic, $"{a.Vendor} {a.DeliveryId ?? a.Batch}", a.Value, a.Ci95?[0], a.Ci95?[1],
            $"{a.Statistic} on {a.Field}")).ToList();
        var figure = ForestPlot.Figure($"agreement-{p.Pipeline}", $"Agreement of {p.Pipeline}'s deliveries", "Krippendorff's α (1 = perfect agreement, 0 = chance)", rows,
            "Each delivery's Krippendorff's α at its weakest field's level, with its bootstrap 95% interval.", [(0.667, "0.667"), (0.8, "0.8")], maximum: 1);
        return "<h3>Agreement</h3>" + Figure(figure) + table;
    }

    private static string Findings(OpenFindingCounts f)
    {
        if (f.Total == 0)
        {
            return "<h3>Open findings</h3>" + Missing("No open findings.");
        }

        return "<h3>Open findings</h3>"
            + $"<p>{f.Total} open: {f.SystemErrors} system errors (fix the guideline, taxonomy or tool), {f.IndividualErrors} individual errors (coach the annotators named).</p>"
            + Table(["severity", "#open"], f.BySeverity.Where(s => s.Value > 0).Select(s => (IReadOnlyList<string>)[H(s.Key), H(Count(s.Value))]), "compact findings-severity")
            + Table(["kind", "#open"], f.ByKind.Where(k => k.Value > 0).Select(k => (IReadOnlyList<string>)[H(k.Key), H(Count(k.Value))]), "compact findings-kind");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
