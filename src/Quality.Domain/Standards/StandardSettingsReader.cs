using Quality.Domain.Audit;
using Quality.Domain.Matching;
using Quality.Domain.Spc.Series;
using Quality.Domain.Yaml;

namespace Quality.Domain.Standards;

/// <summary>Reads the sections beside the rules: <c>matching</c>, <c>agreement</c>, <c>spc</c> and <c>sampling</c>.</summary>
internal static class StandardSettingsReader
{
    private static readonly string[] Statistics = ["krippendorff-alpha", "percent-agreement", "fleiss-kappa", "gwet-ac1", "gwet-ac2", "cohen-kappa"];
    private static readonly string[] SpcKeys = ["rules", "baseline", "charts"];
    private static readonly string[] SamplingKeys = ["aql", "level", "inspection", "seed", "strata", "minimumPerStratum", "riskWeighted"];
    private static readonly string[] Levels = ["I", "II", "III", "S-1", "S-2", "S-3", "S-4"];
    private static readonly string[] Inspections = ["normal", "tightened", "reduced"];
    private static readonly string[] Strata = [Domain.Sampling.ReviewFrame.ClassDimension, Domain.Sampling.ReviewFrame.AnnotatorDimension];

    /// <summary>ANSI/ASQ Z1.4 (2003) Table II-A's acceptable quality levels, percent nonconforming or defects per hundred units.</summary>
    /// <summary>Percent nonconforming: a review counts nonconforming units, so the tables' columns above 10 (nonconformities per hundred units) do not apply.</summary>
    private static IReadOnlyList<double> Aqls => Domain.Sampling.AcceptanceSampling.Aqls;

    public static MatchingThresholds? Matching(YamlMap root)
    {
        if (root.Map("matching") is not { } matching)
        {
            return null;
        }

        matching.AllowOnly("iou");
        var iou = matching.Map("iou") ?? throw matching.Error(matching.Node, matching.Path, "'iou' is required");
        iou.AllowOnly("default", "classes");
        var byClass = new Dictionary<string, double>(StringComparer.Ordinal);
        if (iou.Map("classes") is { } classes)
        {
            foreach (var (name, node, _) in classes.Entries())
            {
                byClass[name] = Tau(classes, name) ?? throw classes.Error(node, classes.Child(name), $"class '{name}' needs an IoU threshold");
            }
        }

        return new MatchingThresholds { Default = Tau(iou, "default") ?? MaximumWeightMatching.DefaultThreshold, ByClass = byClass };
    }

    /// <summary>The listed statistics; every agreement metric a rule bounds must be among them when the list is given.</summary>
    public static IReadOnlyList<string> Agreement(YamlMap root, IReadOnlyList<StandardRule> rules)
    {
        var listed = root.DistinctStrings("agreement", "statistic") ?? [];
        foreach (var (value, node, path) in listed.Where(s => !Statistics.Contains(s.Value)))
        {
            throw root.Error(node, path, $"'{value}' is not an agreement statistic (one of {string.Join(", ", Statistics)})");
        }

        var names = listed.Select(s => s.Value).ToList();
        for (var i = 0; i < rules.Count && names.Count > 0; i++)
        {
            if (StandardMetric.Find(rules[i].Metric)?.Statistic is { } statistic && !names.Contains(statistic))
            {
                throw root.Error(root.Required("agreement"), "agreement",
                    StatementFormat.Invariant($"rules[{i}] bounds {rules[i].Metric}, but {statistic} is not listed"));
            }
        }

        return names;
    }

    /// <param name="agreement">The statistics the standard lists (empty: all): a chart of a statistic it does not list is an error.</param>
    public static SpcSettings? Spc(YamlMap root, IReadOnlyList<string> agreement)
    {
        if (root.Map("spc") is not { } spc)
        {
            return null;
        }

        spc.AllowOnly(SpcKeys);
        var rules = OneOf(spc, "rules", [SpcSettings.WesternElectric, SpcSettings.Nelson]) ?? SpcSettings.WesternElectric;
        var charts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (spc.Map("charts") is { } chartMap)
        {
            foreach (var (name, keyNode, _) in chartMap.Entries())
            {
                var metric = MonitoredMetric.Find(name) ?? throw chartMap.Error(keyNode, chartMap.Child(name),
                    $"'{name}' is not a monitored metric (one of {string.Join(", ", MonitoredMetric.All.Select(m => m.Name))})");
                if (agreement.Count > 0 && StandardMetric.Find(name)?.Statistic is { } statistic && !agreement.Contains(statistic))
                {
                    throw chartMap.Error(keyNode, chartMap.Child(name), $"{name} is charted, but {statistic} is not listed in agreement");
                }

                // The charts that fit a kind are MetricChart's, the same the SPC API accepts in its query.
                var chart = chartMap.RequiredString(name);
                charts[name] = SpcSettings.TryParseChart(chart, out var kind) && MetricChart.Fits(kind, metric.Kind) ? chart : throw chartMap.Error(
                    chartMap.Required(name), chartMap.Child(name),
                    $"'{chart}' does not fit {name}, a {Kind(metric.Kind)} (one of {string.Join(", ", MetricChart.Fitting(metric.Kind).Select(SpcSettings.ChartName))})");
            }
        }

        return new SpcSettings(rules, (int)(spc.Integer("baseline", 2, 1000) ?? SpcSettings.DefaultBaseline), charts);
    }

    public static SamplingSettings? Sampling(YamlMap root)
    {
        if (root.Map("sampling") is not { } sampling)
        {
            return null;
        }

        sampling.AllowOnly(SamplingKeys);
        var aql = sampling.Number("aql") ?? throw sampling.Error(sampling.Node, sampling.Path, "'aql' is required");
        if (!Aqls.Any(a => Math.Abs(a - aql) < 1e-9))
        {
            throw sampling.Error(sampling.Required("aql"), sampling.Child("aql"),
                StatementFormat.Invariant($"{aql} is not an AQL of ANSI/ASQ Z1.4 (one of {string.Join(", ", Aqls.Select(StatementFormat.Number))})"));
        }

        var strata = sampling.DistinctStrings("strata", "stratum") ?? [];
        foreach (var (value, node, path) in strata.Where(s => !Domain.Sampling.ReviewFrame.IsDimension(s.Value)))
        {
            throw sampling.Error(node, path, $"'{value}' is not a stratum (one of {string.Join(", ", Strata)}, or {Domain.Sampling.ReviewFrame.ScenePrefix}{{tag field}})");
        }

        return new SamplingSettings(
            aql,
            OneOf(sampling, "level", Levels) ?? "II",
            OneOf(sampling, "inspection", Inspections) ?? "normal",
            sampling.Integer("seed", 0),
            strata.Select(s => s.Value).ToList(),
            (int)(sampling.Integer("minimumPerStratum", 0, int.MaxValue) ?? 0),
            sampling.Boolean("riskWeighted") ?? false);
    }

    private static string Kind(MetricKind kind) => kind switch
    {
        MetricKind.Proportion => "proportion",
        MetricKind.RatePerUnit => "rate per unit",
        _ => "continuous figure",
    };

    private static double? Tau(YamlMap map, string key) => map.Number(key) is not { } tau ? null
        : tau is > 0 and <= 1 ? tau
        : throw map.Error(map.Required(key), map.Child(key), StatementFormat.Invariant($"IoU threshold {tau} must be greater than 0 and at most 1"));

    private static string? OneOf(YamlMap map, string key, string[] allowed) => map.String(key) switch
    {
        null => null,
        var value when allowed.Contains(value, StringComparer.Ordinal) => value,
        var value => throw map.Error(map.Required(key), map.Child(key), $"'{value}' is not one of {string.Join(", ", allowed)}"),
    };
}
