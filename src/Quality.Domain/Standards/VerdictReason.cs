namespace Quality.Domain.Standards;

/// <summary>
/// How one rule fared: the rule as written, what was measured (value, 95% interval, n), its thresholds, and a plain
/// statement: <c>alpha(weather) = 0.74, 95% CI [0.69, 0.79], n = 412 units: lower bound 0.69 &lt; 0.7 required → reject</c>.
/// Figures that do not exist are null, never NaN.
/// </summary>
/// <param name="Rule">The rule's <see cref="StandardRule.Description"/>.</param>
/// <param name="Subject">The field, class or taxonomy rule measured; for a rule on every field, the field that decided.</param>
public sealed record VerdictReason(string Rule, string Metric, string? Subject, RuleStatus Status, RuleSeverity Severity, string Statement)
{
    public double? Value { get; init; }

    /// <summary>[lower, upper] of the 95% interval; null when the measurement has none.</summary>
    public double[]? Interval { get; init; }

    public string? IntervalMethod { get; init; }

    public long? N { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? LowerBound { get; init; }

    public double? UpperBound { get; init; }

    public long? MinN { get; init; }
}
