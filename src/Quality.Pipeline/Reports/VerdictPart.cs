using System.Globalization;
using Quality.Domain.Standards;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>The verdict section: outcome, reason, the rules and a chart of the figures against their thresholds.</summary>
internal static class VerdictPart
{
    public static VerdictSection Build(BatchReportSources sources)
    {
        if (sources.Verdict is not { } verdict)
        {
            var missing = sources.Missing.GetValueOrDefault("verdict")
                ?? "No verdict: the pipeline had no quality standard when this batch was ingested; publish one (PUT /api/standards/{pipeline}) and the next delivery is judged by it.";
            return new VerdictSection(null, missing, null, 0, [], null, missing);
        }

        var rows = verdict.Reasons.Select(r => new VerdictRuleRow(
            VerdictText.Label(r), r.Subject ?? "all", VerdictText.Status(r.Status), r.Severity == RuleSeverity.Reject ? "reject" : "finding",
            r.Value, r.Interval, r.IntervalMethod, r.N, VerdictText.Requirement(r), r.Statement)).ToList();
        var forest = verdict.Reasons.Select(r => new ForestRow(
            r.Severity == RuleSeverity.Reject ? "reject rules" : "finding rules",
            VerdictText.Label(r),
            r.Value,
            r.Interval is [var lo, _] ? lo : null,
            r.Interval is [_, var hi] ? hi : null,
            $"{VerdictText.Status(r.Status)}; {VerdictText.Requirement(r)}{(r.N is { } n ? Invariant($"; n = {n}") : "")}")
        {
            Threshold = r.LowerBound ?? r.UpperBound ?? r.Min ?? r.Max,
            Status = VerdictText.Status(r.Status),
        }).ToList();
        var failed = rows.Count(r => r.Status == "failed");
        var chart = ForestPlot.Figure(
            "verdict-rules",
            $"What decided it: {verdict.Standard}",
            "measured value with its 95% CI (rates, F1, IoU and α on their 0–1 scale); + = threshold",
            forest,
            Invariant($"{rows.Count} rules: {rows.Count(r => r.Status == "passed")} passed, {failed} failed, {rows.Count(r => r.Status == "not evaluable")} not evaluable. ") + VerdictText.Reason(verdict),
            minimum: 0,
            maximum: 1);
        return new VerdictSection(verdict.Outcome.ToString(), VerdictText.Reason(verdict), verdict.Standard, verdict.OpenFindings, rows, chart, null);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
