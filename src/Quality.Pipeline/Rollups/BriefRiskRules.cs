using System.Globalization;
using Quality.Domain.Findings;
using Quality.Domain.Standards;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// The day's risks of one pipeline, ranked: rules of the standard that several deliveries failed (a class the model will
/// learn to miss is a safety signal), rejected lots (rework cost), error rates above their last 30 days (a vendor
/// drifting), open system and individual errors (a process to fix). Most serious first: safety, then business, then
/// process; within a kind, rules that reject before those that warn, then by the deliveries concerned.
/// </summary>
internal static class BriefRiskRules
{
    private static readonly string[] GoldMetrics = ["gold-recall", "gold-precision", "gold-f1", "gold-error-rate", "mean-iou"];

    private static readonly string[] AgreementMetrics = ["alpha", "percent-agreement", "fleiss-kappa", "gwet-ac1"];

    public static IReadOnlyList<BriefRisk> For(string pipeline, IReadOnlyList<DayBatch> day, IReadOnlyList<DeliveryTally> vendors, IReadOnlyList<Finding> openFindings)
    {
        var risks = new List<(BriefRisk Risk, int Weight)>();
        var failed = day.Where(b => !b.IsReview)
            .SelectMany(b => b.FailedRules.Select(r => (Batch: b, Rule: r)))
            .GroupBy(f => (f.Rule.Metric, f.Rule.Subject, f.Rule.Severity));
        foreach (var rule in failed)
        {
            var deliveries = rule.Select(f => f.Batch.Batch.BatchId).Distinct(StringComparer.Ordinal).Count();
            var vendorNames = string.Join(", ", rule.Select(f => f.Batch.Vendor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            var (metric, subject, severity) = rule.Key;
            var weight = severity == RuleSeverity.Reject ? 6 : 4;
            var times = Deliveries(deliveries) + $" ({vendorNames})";
            if (GoldMetrics.Contains(metric))
            {
                var what = $"{subject ?? "all classes'"} {MetricWords(metric)}";
                risks.Add((new BriefRisk(pipeline, BriefRisk.Safety, "model-risk class", $"{what} for {times}: model-risk class", deliveries), weight));
            }
            else if (AgreementMetrics.Contains(metric))
            {
                risks.Add((new BriefRisk(pipeline, BriefRisk.Process, "ambiguous guideline",
                    $"agreement on {subject ?? "a field"} ({metric}) under the standard for {times}: the guideline leaves room for interpretation", deliveries), weight - 3));
            }
            else
            {
                risks.Add((new BriefRisk(pipeline, BriefRisk.Safety, "invalid labels",
                    $"taxonomy rule {subject ?? "(any)"} broken above the standard in {times}: labels the taxonomy forbids reach training", deliveries), weight - 1));
            }
        }

        foreach (var vendor in vendors.Where(v => v.Lots.Rejected > 0))
        {
            risks.Add((new BriefRisk(pipeline, BriefRisk.Business, "rework cost",
                $"{Lots(vendor.Lots.Rejected)} of {vendor.Vendor} rejected on review: {vendor.ItemsSentToRework.ToString("#,0", CultureInfo.InvariantCulture)} items back to rework, a cost and schedule risk",
                vendor.Lots.Rejected), 5));
        }

        foreach (var vendor in vendors.Where(v => v.GoldErrorRate?.Trend == RateTrend.Higher))
        {
            var rate = vendor.GoldErrorRate!;
            risks.Add((new BriefRisk(pipeline, BriefRisk.Business, "vendor drifting",
                $"{vendor.Vendor}'s gold error rate {Percent(rate.Rate)} (95% CI {Percent(rate.Ci95![0])}–{Percent(rate.Ci95[1])}) against {Percent(rate.History.Rate)} over the last {DailyBrief.HistoryDays} days: quality drifting",
                vendor.VendorDeliveries), 3));
        }

        var system = openFindings.Where(f => f.Kind == FindingKind.SystemError).ToList();
        if (system.Count > 0)
        {
            risks.Add((new BriefRisk(pipeline, BriefRisk.Process, "system error",
                $"{Count(system.Count, "open system error")} ({Severities(system)}): fix the guideline, taxonomy or tool, or every vendor repeats {(system.Count == 1 ? "it" : "them")}",
                0), system.Any(f => f.Severity >= FindingSeverity.High) ? 2 : 1));
        }

        var individual = openFindings.Where(f => f.Kind == FindingKind.IndividualError).ToList();
        if (individual.Count > 0)
        {
            var annotators = individual.SelectMany(f => f.Annotators).Distinct(StringComparer.Ordinal).Count();
            risks.Add((new BriefRisk(pipeline, BriefRisk.Process, "individual error",
                $"{Count(individual.Count, "open individual error")} concerning {Count(annotators, "annotator")}: coach them", 0), 1));
        }

        return [.. risks.OrderByDescending(r => r.Weight).ThenByDescending(r => r.Risk.Deliveries).ThenBy(r => r.Risk.Sentence, StringComparer.Ordinal).Select(r => r.Risk)];
    }

    /// <summary>The day's most serious risks over every pipeline: the same order, taken across pipelines.</summary>
    public static IReadOnlyList<BriefRisk> Top(IEnumerable<BriefRisk> ranked, int count = 3) => [.. ranked.Take(count)];

    private static string MetricWords(string metric) => metric switch
    {
        "gold-recall" => "recall under the standard",
        "gold-precision" => "precision under the standard",
        "gold-f1" => "F1 under the standard",
        "gold-error-rate" => "error rate over the standard",
        _ => "box fit (mean IoU) under the standard",
    };

    private static string Deliveries(int n) => Count(n, "delivery", "deliveries");

    private static string Lots(int n) => Count(n, "lot");

    private static string Count(int n, string one, string? many = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");

    private static string Severities(IEnumerable<Finding> findings) => string.Join(", ",
        findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {g.Key.ToString().ToLowerInvariant()}"));

    private static string Percent(double? rate) => rate is { } r
        ? (r * 100).ToString(r < 0.001 ? "0.###" : "0.0", CultureInfo.InvariantCulture) + "%"
        : "undefined";
}
