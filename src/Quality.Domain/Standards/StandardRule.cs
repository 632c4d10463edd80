namespace Quality.Domain.Standards;

/// <summary>
/// One threshold rule of a standard: a metric, optionally of one subject (a field for agreement metrics, a class for
/// gold metrics, a taxonomy rule for the violation rate; null = the batch as a whole, or every field), and its
/// bounds. <see cref="Min"/>/<see cref="Max"/> bound the point estimate; <see cref="LowerBound"/>/<see cref="UpperBound"/>
/// bound the 95% interval, so a rule that sets them is never decided on the point estimate alone.
/// </summary>
public sealed record StandardRule(string Metric, string? Subject, RuleSeverity Severity)
{
    /// <summary>The point estimate must be at least this.</summary>
    public double? Min { get; init; }

    /// <summary>The point estimate must be at most this.</summary>
    public double? Max { get; init; }

    /// <summary>The lower bound of the 95% interval must be at least this.</summary>
    public double? LowerBound { get; init; }

    /// <summary>The upper bound of the 95% interval must be at most this.</summary>
    public double? UpperBound { get; init; }

    /// <summary>With fewer units (objects, annotations) behind the measurement the rule is not evaluable.</summary>
    public long? MinN { get; init; }

    /// <summary>The rule as a reader would say it: <c>alpha(weather): ≥ 0.8, 95% CI lower bound ≥ 0.7, n ≥ 50; reject</c>.</summary>
    public string Description
    {
        get
        {
            var metric = StandardMetric.Find(Metric);
            var checks = new List<string>();
            Add(checks, "≥ ", Min);
            Add(checks, "≤ ", Max);
            Add(checks, "95% CI lower bound ≥ ", LowerBound);
            Add(checks, "95% CI upper bound ≤ ", UpperBound);
            Add(checks, "n ≥ ", MinN);
            var target = metric?.Target(Subject) ?? $"{Metric}({Subject})";
            return $"{target}: {string.Join(", ", checks)}; {(Severity == RuleSeverity.Reject ? "reject" : "finding")}";
        }
    }

    public override string ToString() => Description;

    private static void Add(List<string> checks, string prefix, double? threshold)
    {
        if (threshold is { } t)
        {
            checks.Add(prefix + StatementFormat.Number(t));
        }
    }
}
