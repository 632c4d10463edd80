namespace Quality.Domain.Standards;

/// <summary>
/// Judges a batch by a standard: every rule checked against the batch's measurements (<see cref="RuleCheck"/>), then
/// Rejected if a reject rule failed; AcceptedWithFindings if a finding rule failed, any rule could not be evaluated
/// (a reject rule included: missing evidence neither rejects nor accepts cleanly), or the batch raised open findings;
/// Accepted otherwise.
/// </summary>
/// <remarks>
/// A rule on a per-field metric (alpha, percent agreement, kappas) that names no field holds for every field measured
/// and is judged on the field that fares worst: a failing one first, then one that cannot be evaluated, then the one
/// closest to its threshold (lowest lower bound or estimate; highest for metrics that are better lower).
/// </remarks>
public static class StandardEvaluation
{
    public static Verdict Evaluate(QualityStandard standard, BatchMeasurements measurements, int findingsCount = 0)
    {
        ArgumentNullException.ThrowIfNull(standard);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentOutOfRangeException.ThrowIfNegative(findingsCount);
        var reasons = standard.Rules.Select(rule => Check(rule, measurements)).ToList();
        var rejecting = reasons.Where(r => r is { Status: RuleStatus.Failed, Severity: RuleSeverity.Reject }).ToList();
        var findings = reasons.Where(r => r.Status == RuleStatus.NotEvaluable || r is { Status: RuleStatus.Failed, Severity: RuleSeverity.Finding }).ToList();
        var outcome = rejecting.Count > 0 ? VerdictOutcome.Rejected
            : findings.Count > 0 || findingsCount > 0 ? VerdictOutcome.AcceptedWithFindings
            : VerdictOutcome.Accepted;
        return new Verdict(outcome, standard.Reference, reasons)
        {
            OpenFindings = findingsCount,
            Summary = Summary(outcome, standard, reasons.Count, rejecting, findings, findingsCount),
        };
    }

    private static VerdictReason Check(StandardRule rule, BatchMeasurements measurements)
    {
        if (rule.Subject is not null || StandardMetric.Find(rule.Metric) is not { IsPerField: true } metric)
        {
            return RuleCheck.Check(rule, measurements.Find(rule.Metric, rule.Subject));
        }

        var fields = measurements.Subjects(rule.Metric);
        if (fields.Count == 0)
        {
            return RuleCheck.Check(rule, null);
        }

        var sign = metric.HigherIsBetter ? 1 : -1;
        return fields.Select(m => (Reason: RuleCheck.Check(rule, m), Decisive: sign * ((metric.HigherIsBetter ? m.Lower : m.Upper) ?? m.Value)))
            .OrderBy(c => c.Reason.Status switch { RuleStatus.Failed => 0, RuleStatus.NotEvaluable => 1, _ => 2 })
            .ThenBy(c => c.Decisive)
            .ThenBy(c => c.Reason.Subject, StringComparer.Ordinal)
            .First().Reason;
    }

    private static string Summary(
        VerdictOutcome outcome, QualityStandard standard, int rules, List<VerdictReason> rejecting, List<VerdictReason> findings, int openFindings)
    {
        var parts = new List<string>();
        if (rejecting.Count > 0)
        {
            parts.Add($"failed: {string.Join(", ", rejecting.Select(Target))}");
        }

        if (findings.Count > 0)
        {
            parts.Add($"findings: {string.Join(", ", findings.Select(r => Target(r) + (r.Status == RuleStatus.NotEvaluable ? " (not evaluable)" : "")))}");
        }

        if (openFindings > 0)
        {
            parts.Add(StatementFormat.Invariant($"{openFindings} open findings raised by the batch"));
        }

        var head = StatementFormat.Invariant($"{outcome} under {standard.Reference} ({rules} rules)");
        return parts.Count == 0 ? head + ": every rule passed" : $"{head}: {string.Join("; ", parts)}";
    }

    private static string Target(VerdictReason reason) => StandardMetric.Find(reason.Metric)?.Target(reason.Subject) ?? reason.Metric;
}
