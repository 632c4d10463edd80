using System.Globalization;
using System.Text;
using Quality.Domain.ModelLinkage;
using Quality.Pipeline.Reports.Charts;
using static Quality.Pipeline.Reports.Html.HtmlText;

namespace Quality.Pipeline.ModelLinkage;

/// <summary>
/// A <see cref="VersionComparison"/> as one self-contained HTML page in the batch report's style: the verdict sentence,
/// a forest plot of each class's metric change beside its label error change (both with 95% intervals), the ranked
/// table, the added deliveries, and per explained class the deliveries and findings behind it.
/// </summary>
public static class ComparisonReportPage
{
    public static string Render(VersionComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var c = comparison;
        var html = new StringBuilder();
        html.Append($"""
            {Document($"{c.Model} {c.From.Version} → {c.To.Version}: {c.Metric} and label quality", "model comparison")}
            <body>
            <main>
            <header>
            <p class="kicker">Model comparison</p>
            <h1>{H(c.Model)} {H(c.From.Version)} → {H(c.To.Version)}</h1>
            <dl class="meta"><div><dt>Metric</dt><dd>{H(c.Metric)}</dd></div>
            <div><dt>Evaluated</dt><dd>{H(Day(c.From.EvaluatedAt))} → {H(Day(c.To.EvaluatedAt))}</dd></div>
            <div><dt>Evaluation set</dt><dd>{H(c.To.EvaluationSet.Name)} ({Count(c.To.EvaluationSet.Size)})</dd></div>
            <div><dt>Training deliveries</dt><dd>{c.From.TrainingDeliveries} → {c.To.TrainingDeliveries}</dd></div></dl>
            </header>
            <section id="verdict"><h2>Verdict</h2><p class="verdict">{H(c.Verdict)}</p></section>
            <section id="classes"><h2>Classes, best explained by label quality first</h2>
            {Figure(Chart(c))}
            {Table(["#rank", "class", $"{c.Metric} from → to", "change [95% CI]", "label error rate before → added", "difference [95% CI]", "tier"],
                c.Classes.Select(k => (IReadOnlyList<string>)
                [
                    k.Rank.ToString(CultureInfo.InvariantCulture), H(k.Class),
                    $"{Number(k.Metrics[c.Metric].From)} → {Number(k.Metrics[c.Metric].To)}", WithInterval(k.Metrics[c.Metric].Delta, k.Metrics[c.Metric].DeltaCi95),
                    $"{Percent(k.LabelErrors.Before.Rate)} → {Percent(k.LabelErrors.Added.Rate)}", WithInterval(k.LabelErrors.Difference, k.LabelErrors.DifferenceCi95),
                    Pill(Tier(k.Explanation)),
                ]))}
            </section>
            <section id="training"><h2>Training data added for {H(c.To.Version)}</h2>
            {(c.Training.Added.Count == 0 ? Missing("No audited delivery was added to the training data.") : Table(["delivery", "pipeline", "vendor", "verdict", "#gold errors", "#error rate", "#agreement"],
                c.Training.Added.Select(d => (IReadOnlyList<string>)[H(d.DeliveryId), H(d.Pipeline), H(d.Vendor), d.Verdict is { } v ? Pill(v) : "none", $"{Count(d.Errors)} / {Count(d.GoldObjects)}", Percent(d.ErrorRate), Number(d.Agreement)])))}
            {(c.Training.NotFound.Count == 0 ? "" : Missing($"Named in the training data but not audited, so their labels cannot be judged: {string.Join(", ", c.Training.NotFound)}."))}
            </section>
            """);
        foreach (var k in c.Classes.Where(k => k.Explanation <= LabelExplanation.NotSignificant))
        {
            html.Append($"""
                <section id="class-{H(k.Class)}"><h2>{H(k.Class)}: the evidence</h2><p>{H(k.Reason)}.</p>
                {Table(["delivery", "#gold", "#missed", "#misclassified", "#error rate", "verdict"],
                    k.Deliveries.Select(d => (IReadOnlyList<string>)[H(d.DeliveryId), Count(d.Gold), Count(d.Missed), Count(d.Misclassified), Percent(d.ErrorRate), H(d.Verdict ?? "none")]))}
                {(k.Findings.Count == 0 ? Missing("No failed rule or open finding names this class.") : "<ul>" + string.Concat(k.Findings.Select(f => $"<li>[{H(f.Source)} {H(f.Id)}] {H(f.Statement)}</li>")) + "</ul>")}
                </section>
                """);
        }

        html.Append("""
            <footer>
            <p>How classes are ranked (docs/formats/model-evaluation.md): a class is explained when its metric fell and the gold error rate (missed or
            misclassified per gold object) of the deliveries added to the training data exceeds that of the earlier version's training data with
            Newcombe's hybrid score 95% interval of the difference above 0; explained classes are ordered by that rise. Recall's change carries the
            same interval over the evaluation objects. An association between training labels and the model, not proof of cause.</p>
            </footer>
            </main>
            </body>
            </html>
            """);
        return html.ToString();
    }

    private static ChartFigure Chart(VersionComparison c)
    {
        var rows = c.Classes.SelectMany(k => new[]
        {
            Row($"{c.Metric} change", k.Class, k.Metrics[c.Metric].Delta, k.Metrics[c.Metric].DeltaCi95),
            Row("label error rate change", k.Class, k.LabelErrors.Difference, k.LabelErrors.DifferenceCi95),
        }).ToList();
        var top = c.Classes.FirstOrDefault(k => k.Explanation == LabelExplanation.Explained);
        var summary = top is null
            ? $"No class's {c.Metric} drop goes with a significant rise in the added training labels' error rate."
            : $"{top.Class}: {c.Metric} changed {Number(top.Metrics[c.Metric].Delta)} while its label error rate changed {Number(top.LabelErrors.Difference)}; left of 0 is a drop, right a rise.";
        return ForestPlot.Figure("changes", $"{c.Metric} and label error rate changes, {c.From.Version} → {c.To.Version}",
            "change (to − from; added − before), proportion", rows, summary, [(0, "no change")]);
    }

    private static ForestRow Row(string group, string label, double? estimate, double[]? ci) =>
        new(group, label, estimate, ci?[0], ci?[1], ci is [var lo, var hi] ? $"{Number(estimate)} [{Number(lo)}, {Number(hi)}]" : Number(estimate));

    private static string Tier(LabelExplanation tier) => tier switch
    {
        LabelExplanation.Explained => "explained",
        LabelExplanation.NotSignificant => "not significant",
        LabelExplanation.NotExplained => "not explained",
        _ => "no drop",
    };

    private static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
