using System.Globalization;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>
/// Annotator scorecards against gold: precision, recall and F1 with Wilson intervals as a forest plot, and each
/// annotator's gold error rate (misclassified + missed over gold objects compared) on a funnel around the pool.
/// </summary>
internal static class ScorecardPart
{
    public static ScorecardSection Build(BatchReportSources sources)
    {
        if (sources.Objects?.Audit is not { } audit)
        {
            return new ScorecardSection(new Dictionary<string, AnnotatorScoreView>(), null, null, null,
                "No scorecards: the batch has no boxes or cuboids to compare with gold.");
        }

        var scored = audit.PerAnnotator.Where(a => a.Value.Tp is not null).ToList();
        if (scored.Count == 0)
        {
            return new ScorecardSection(audit.PerAnnotator, audit.Overall, null, null,
                "No scorecards: no gold key was delivered with the objects, so no annotator could be compared with gold.");
        }

        var rows = new List<ForestRow>();
        foreach (var (annotator, a) in scored)
        {
            rows.Add(Row("precision", annotator, a.Precision, a.PrecisionCi95, Invariant($"{a.Tp} correct of {a.Objects} drawn; {a.Fp} extra, {a.Misclassified} misclassified")));
            rows.Add(Row("recall", annotator, a.Recall, a.RecallCi95, Invariant($"{a.Tp} of {a.Tp + a.Misclassified + a.Fn} gold objects; {a.Fn} missed")));
            rows.Add(Row("F1", annotator, a.F1, a.F1Ci95, Invariant($"mean IoU {AgreementPart.F(a.MeanIou)}")));
        }

        var lowest = scored.OrderBy(a => a.Value.F1 ?? double.MaxValue).First();
        var scores = ForestPlot.Figure("scorecards", "Annotator scorecards against gold (95% CI)", "share (0–1): precision, recall, F1", rows,
            Invariant($"{scored.Count} annotators scored against gold; lowest F1 {lowest.Key} at {AgreementPart.F(lowest.Value.F1)}, 95% CI {AgreementPart.Ci(lowest.Value.F1Ci95)}."));

        var errors = scored.Select(a => new AnnotatorErrors(a.Key, (a.Value.Misclassified ?? 0) + (a.Value.Fn ?? 0), (a.Value.Tp ?? 0) + (a.Value.Misclassified ?? 0) + (a.Value.Fn ?? 0)))
            .Where(a => a.Opportunities > 0).ToList();
        ChartFigure? funnel = null;
        if (errors.Count > 0)
        {
            var points = FunnelPlot.Points([.. errors], 0.95);
            var flagged = points.Where(p => p.FlaggedHigh).Select(p => p.Annotator).ToList();
            funnel = FunnelChart.Figure("funnel", "Gold error rate per annotator against the pool",
                "gold error rate (share of gold objects)", "gold objects compared (n)", errors,
                flagged.Count == 0
                    ? "Every annotator's gold error rate is within what chance gives around the rate of the others (95%)."
                    : $"Above the upper 95% limit around the rate of the others: {string.Join(", ", flagged)}; the others are within chance.");
        }

        return new ScorecardSection(audit.PerAnnotator, audit.Overall, scores, funnel, null);
    }

    private static ForestRow Row(string metric, string annotator, double? value, double[]? ci, string detail) =>
        new(metric, $"{annotator} {metric}", value, ci is [var lo, _] ? lo : null, ci is [_, var hi] ? hi : null,
            $"{metric} {AgreementPart.F(value)}, 95% CI {AgreementPart.Ci(ci)}; {detail}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
