using Quality.Domain.Yaml;

namespace Quality.Domain.Standards;

/// <summary>
/// Reads the <c>rules</c> list: each rule's metric, its subject key (only the one its metric takes), thresholds inside
/// the metric's range and on the side that is worse, and no rule twice (same metric, subject and severity).
/// </summary>
internal static class StandardRuleReader
{
    private static readonly string[] RuleKeys = ["metric", "field", "class", "rule", "min", "max", "lowerBound", "upperBound", "minN", "severity"];
    private static readonly string[] SubjectKeys = ["field", "class", "rule"];

    public static IReadOnlyList<StandardRule> ReadAll(YamlMap root)
    {
        var maps = root.Maps("rules") ?? throw root.Error(root.Node, "", "'rules' is required");
        if (maps.Count == 0)
        {
            throw root.Error(root.Required("rules"), "rules", "a standard needs at least one rule");
        }

        var rules = new List<StandardRule>();
        foreach (var map in maps)
        {
            var rule = Read(map);
            var same = rules.FindIndex(r => r.Metric == rule.Metric && r.Subject == rule.Subject && r.Severity == rule.Severity);
            if (same >= 0)
            {
                throw map.Error(map.Node, map.Path, StatementFormat.Invariant(
                    $"rules[{same}] already bounds {StandardMetric.Find(rule.Metric)!.Target(rule.Subject)} with this severity; put both thresholds in one rule"));
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static StandardRule Read(YamlMap map)
    {
        map.AllowOnly(RuleKeys);
        var metricName = map.RequiredString("metric");
        var metric = StandardMetric.Find(metricName) ?? throw map.Error(map.Required("metric"), map.Child("metric"),
            $"'{metricName}' is not a metric a standard can bound (one of {string.Join(", ", StandardMetric.All.Select(m => m.Name))})");
        foreach (var (key, keyNode, _) in map.Entries().Where(e => SubjectKeys.Contains(e.Key) && e.Key != metric.SubjectKey))
        {
            throw map.Error(keyNode, map.Child(key), metric.SubjectKey is null
                ? $"{metric.Name} is about the batch as a whole; it takes no '{key}'"
                : $"'{key}' does not apply to {metric.Name}; it takes '{metric.SubjectKey}'");
        }

        var subject = metric.SubjectKey is { } subjectKey ? map.String(subjectKey) : null;
        if (subject is not null && metric.Subjects is { } subjects && !subjects.Contains(subject, StringComparer.Ordinal))
        {
            throw map.Error(map.Required(metric.SubjectKey!), map.Child(metric.SubjectKey!),
                $"'{subject}' is not a {metric.SubjectKey} of {metric.Name} (one of {string.Join(", ", subjects)})");
        }

        var rule = new StandardRule(metric.Name, subject, Severity(map))
        {
            Min = Threshold(map, metric, "min"),
            Max = Threshold(map, metric, "max"),
            LowerBound = Threshold(map, metric, "lowerBound"),
            UpperBound = Threshold(map, metric, "upperBound"),
            MinN = map.Integer("minN", 1),
        };
        if (rule is { Min: null, Max: null, LowerBound: null, UpperBound: null })
        {
            throw map.Error(map.Node, map.Path, $"a rule needs a threshold: {(metric.HigherIsBetter ? "min or lowerBound" : "max or upperBound")}");
        }

        if (rule.LowerBound > rule.Min || rule.UpperBound < rule.Max)
        {
            var key = rule.LowerBound > rule.Min ? "lowerBound" : "upperBound";
            throw map.Error(map.Required(key), map.Child(key), key == "lowerBound"
                ? StatementFormat.Invariant($"lowerBound {rule.LowerBound} is above min {rule.Min}: an interval's lower bound is never above its estimate, so min would never decide")
                : StatementFormat.Invariant($"upperBound {rule.UpperBound} is below max {rule.Max}: an interval's upper bound is never below its estimate, so max would never decide"));
        }

        return rule;
    }

    private static double? Threshold(YamlMap map, StandardMetric metric, string key)
    {
        if (map.Number(key) is not { } value)
        {
            return null;
        }

        var node = map.Required(key);
        var fromBelow = key is "min" or "lowerBound";
        if (fromBelow != metric.HigherIsBetter)
        {
            throw map.Error(node, map.Child(key), metric.HigherIsBetter
                ? $"{metric.Name} is better higher: bound it from below with 'min' or 'lowerBound'"
                : $"{metric.Name} is better lower: bound it from above with 'max' or 'upperBound'");
        }

        return value >= metric.Low && value <= metric.High
            ? value
            : throw map.Error(node, map.Child(key), StatementFormat.Invariant($"{value} is outside [{metric.Low}, {metric.High}], the range of {metric.Name}"));
    }

    private static RuleSeverity Severity(YamlMap map) => map.String("severity") switch
    {
        null or "reject" => RuleSeverity.Reject,
        "finding" => RuleSeverity.Finding,
        var other => throw map.Error(map.Required("severity"), map.Child("severity"), $"'{other}' is not reject or finding"),
    };
}
