namespace Quality.Pipeline.Reports;

/// <summary>One rule of the standard as judged: what it asks, what was measured (with interval and n) and the outcome.</summary>
/// <param name="Status">passed, failed or not evaluable.</param>
/// <param name="Requirement">The thresholds in words, e.g. "95% CI lower bound ≥ 0.9, n ≥ 50".</param>
public sealed record VerdictRuleRow(
    string Rule, string Subject, string Status, string Severity, double? Value, double[]? Interval, string? IntervalMethod, long? N, string Requirement, string Statement);
