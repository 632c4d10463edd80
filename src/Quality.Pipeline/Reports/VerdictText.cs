using System.Globalization;
using Quality.Domain.Standards;

namespace Quality.Pipeline.Reports;

/// <summary>A verdict in words: the one sentence a program lead reads, and each rule's requirement.</summary>
public static class VerdictText
{
    public static string Outcome(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Accepted => "Accepted",
        VerdictOutcome.AcceptedWithFindings => "Accepted with findings",
        _ => "Rejected",
    };

    public static string Status(RuleStatus status) => status switch
    {
        RuleStatus.Passed => "passed",
        RuleStatus.Failed => "failed",
        _ => "not evaluable",
    };

    /// <summary>"gold-recall(pedestrian)", "gold-f1(all classes)".</summary>
    public static string Label(VerdictReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var colon = reason.Rule.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? reason.Rule[..colon] : $"{reason.Metric}({reason.Subject ?? "all"})";
    }

    /// <summary>The rule's thresholds as the standard wrote them: "≥ 0.95, 95% CI lower bound ≥ 0.9, n ≥ 50".</summary>
    public static string Requirement(VerdictReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var colon = reason.Rule.IndexOf(": ", StringComparison.Ordinal);
        var semicolon = reason.Rule.LastIndexOf(';');
        return colon > 0 && semicolon > colon ? reason.Rule[(colon + 2)..semicolon] : reason.Rule;
    }

    /// <summary>
    /// One sentence: the outcome under the standard and what decided it — each failed reject rule with the figure that
    /// failed it, or for an acceptance with findings the failed or unevaluable finding rules and the open findings.
    /// </summary>
    public static string Reason(Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var outcome = Outcome(verdict.Outcome);
        var rules = verdict.Reasons.Count;
        switch (verdict.Outcome)
        {
            case VerdictOutcome.Rejected:
                var failed = verdict.Reasons.Where(r => r is { Status: RuleStatus.Failed, Severity: RuleSeverity.Reject }).ToList();
                return $"{outcome} under {verdict.Standard}: {Count(failed.Count, "reject rule")} of {rules} failed — {Join(failed.Select(Decisive))}.";
            case VerdictOutcome.AcceptedWithFindings:
                var concerns = verdict.Reasons.Where(r => r.Status != RuleStatus.Passed).Select(r => r.Status == RuleStatus.Failed ? Decisive(r) : $"{Label(r)} could not be evaluated").ToList();
                if (verdict.OpenFindings > 0)
                {
                    concerns.Add($"{Count(verdict.OpenFindings, "open finding")} raised");
                }

                return $"{outcome} under {verdict.Standard}: every reject rule passed, but {Join(concerns)}.";
            default:
                return $"{outcome} under {verdict.Standard}: all {rules} rules passed and no finding is open.";
        }
    }

    /// <summary>The figure that failed a rule: "gold-recall(pedestrian) 0.911, whose 95% lower bound 0.865 is below 0.9".</summary>
    public static string Decisive(VerdictReason r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var parts = new List<string>();
        if (r.LowerBound is { } lb && r.Interval is [var lo, _] && lo < lb)
        {
            parts.Add(Invariant($"whose 95% lower bound {lo:0.000} is below {lb:0.###}"));
        }

        if (r.UpperBound is { } ub && r.Interval is [_, var hi] && hi > ub)
        {
            parts.Add(Invariant($"whose 95% upper bound {hi:0.000} is above {ub:0.###}"));
        }

        if (r.Min is { } min && r.Value < min)
        {
            parts.Add(Invariant($"below the minimum {min:0.###}"));
        }

        if (r.Max is { } max && r.Value > max)
        {
            parts.Add(Invariant($"above the maximum {max:0.###}"));
        }

        if (r.MinN is { } minN && r.N < minN)
        {
            parts.Add(Invariant($"on n = {r.N}, fewer than the {minN} required"));
        }

        var value = r.Value is { } v ? Invariant($" {v:0.000}") : "";
        return parts.Count == 0 ? $"{Label(r)}{value}" : $"{Label(r)}{value}, {string.Join(" and ", parts)}";
    }

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : Invariant($"{n} {what}s");

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count switch
        {
            0 => "nothing",
            1 => list[0],
            _ => string.Join("; ", list[..^1]) + "; and " + list[^1],
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
