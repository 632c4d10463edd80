using static Quality.Domain.Standards.StatementFormat;

namespace Quality.Domain.Standards;

/// <summary>
/// Checks one rule against one measurement. A <c>min</c>/<c>max</c> is checked on the point estimate, a
/// <c>lowerBound</c>/<c>upperBound</c> on the interval's bound and never on the estimate. Failed when any check that
/// can be made fails; otherwise not evaluable when a bound has no interval, when n is below <c>minN</c> (checked
/// first: too few to judge either way) or when nothing was measured; otherwise passed.
/// </summary>
internal static class RuleCheck
{
    public static VerdictReason Check(StandardRule rule, Measurement? measured)
    {
        var metric = StandardMetric.Find(rule.Metric);
        var reason = new VerdictReason(rule.Description, rule.Metric, measured?.Subject ?? rule.Subject, RuleStatus.NotEvaluable, rule.Severity, "")
        {
            Min = rule.Min,
            Max = rule.Max,
            LowerBound = rule.LowerBound,
            UpperBound = rule.UpperBound,
            MinN = rule.MinN,
        };
        var target = metric?.Target(reason.Subject) ?? $"{rule.Metric}({reason.Subject})";
        if (measured is not { } m)
        {
            return reason with { Statement = $"{target} was not measured: {metric?.WhenAbsent ?? "no such figure"}{Consequence(rule, RuleStatus.NotEvaluable)}" };
        }

        reason = reason with
        {
            Value = m.Value,
            Interval = m.HasInterval ? [m.Lower!.Value, m.Upper!.Value] : null,
            IntervalMethod = m.IntervalMethod,
            N = m.N,
        };
        var figure = Invariant($"{target} = {Number(m.Value)}, ") + (m.HasInterval ? $"95% CI [{Number(m.Lower!.Value)}, {Number(m.Upper!.Value)}]" : "no interval")
            + Invariant($", n = {m.N} {metric?.Unit ?? "units"}");
        if (rule.MinN is { } minN && m.N < minN)
        {
            return reason with { Statement = Invariant($"{figure}: n {m.N} < {minN} required, too few to judge") + Consequence(rule, RuleStatus.NotEvaluable) };
        }

        var checks = new List<(bool? Passed, string Text)>();
        AddPoint(checks, m.Value, rule.Min, atLeast: true);
        AddPoint(checks, m.Value, rule.Max, atLeast: false);
        AddBound(checks, m.Lower, rule.LowerBound, atLeast: true);
        AddBound(checks, m.Upper, rule.UpperBound, atLeast: false);
        var status = checks.Any(c => c.Passed == false) ? RuleStatus.Failed
            : checks.Any(c => c.Passed is null) ? RuleStatus.NotEvaluable
            : RuleStatus.Passed;
        return reason with { Status = status, Statement = $"{figure}: {string.Join("; ", checks.Select(c => c.Text))}{Consequence(rule, status)}" };
    }

    private static void AddPoint(List<(bool?, string)> checks, double value, double? threshold, bool atLeast)
    {
        if (threshold is { } t)
        {
            checks.Add(Compare("estimate", value, t, atLeast));
        }
    }

    private static void AddBound(List<(bool?, string)> checks, double? bound, double? threshold, bool atLeast)
    {
        var name = atLeast ? "lower bound" : "upper bound";
        if (threshold is { } t)
        {
            checks.Add(bound is { } b ? Compare(name, b, t, atLeast) : (null, $"no interval for the {name} {(atLeast ? "≥" : "≤")} {Number(t)} required"));
        }
    }

    private static (bool?, string) Compare(string name, double value, double threshold, bool atLeast)
    {
        var passed = atLeast ? value >= threshold : value <= threshold;
        var sign = (atLeast, passed) switch { (true, true) => "≥", (true, false) => "<", (false, true) => "≤", _ => ">" };
        return (passed, $"{name} {Compared(value, threshold)} {sign} {Number(threshold)} required");
    }

    private static string Consequence(StandardRule rule, RuleStatus status) => (status, rule.Severity) switch
    {
        (RuleStatus.Passed, _) => " → pass",
        (RuleStatus.Failed, RuleSeverity.Reject) => " → reject",
        (RuleStatus.Failed, _) => " → finding",
        (_, RuleSeverity.Reject) => " → could not be evaluated: not rejected on missing evidence, accepted with findings",
        _ => " → could not be evaluated: finding",
    };
}
