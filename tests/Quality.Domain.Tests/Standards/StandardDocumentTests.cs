using System.Text.Json;
using Quality.Domain.Audit;
using Quality.Domain.Spc.Series;
using Quality.Domain.Standards;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Standards;

public sealed class StandardDocumentTests
{
    private static readonly string SampleFile = Repository.Sample(Path.Combine("standards", "front-lidar-cuboids.yaml"));

    // Three lines, so the rules under test start on line 4; the sections after a rule "alpha ≥ 0.7" on line 6.
    private const string Head = "standard: s\nversion: 1.0.0\nrules:\n";
    private const string AlphaRule = "  - metric: alpha\n    min: 0.7\n";

    [Fact]
    public void Parse_Sample_ReadsEverySection()
    {
        var standard = StandardDocument.Parse(File.ReadAllText(SampleFile), "front-lidar-cuboids.yaml");

        Assert.Equal("front-lidar-cuboids@1.2.0", standard.Reference);
        Assert.Equal(7, standard.Rules.Count);
        Assert.Equal(new StandardRule("gold-recall", "pedestrian", RuleSeverity.Reject) { Min = 0.95, LowerBound = 0.9, MinN = 50 }, standard.Rules[1]);
        Assert.Equal("gold-recall(pedestrian): ≥ 0.95, 95% CI lower bound ≥ 0.9, n ≥ 50; reject", standard.Rules[1].Description);
        Assert.Equal("gold-f1(all classes): 95% CI lower bound ≥ 0.85, n ≥ 100; reject", standard.Rules[0].Description);
        Assert.Equal((0.5, 0.3, 0.5), (standard.Matching!.Default, standard.Matching.For("pedestrian"), standard.Matching.For("car")));
        Assert.Equal(["krippendorff-alpha", "fleiss-kappa", "gwet-ac1"], standard.Agreement);
        Assert.Equal(("we", 20), (standard.Spc!.Rules, standard.Spc.Baseline));
        Assert.Equal("laney-p", standard.Spc.Charts["gold-error-rate"]);
        Assert.Equal(new SamplingSettings(1.0, "II", "normal", 42, standard.Sampling!.Strata, 5, RiskWeighted: true), standard.Sampling);
        Assert.Equal(["class", "annotator"], standard.Sampling.Strata);
    }

    [Fact]
    public void Parse_OptionalSectionsAbsent_GivesDefaultsAndRejectSeverity()
    {
        var standard = StandardDocument.Parse(Head + AlphaRule + "spc:\n  rules: nelson\nsampling:\n  aql: 0.65\n", null);

        Assert.Equal(RuleSeverity.Reject, standard.Rules[0].Severity);
        Assert.Null(standard.Matching);
        Assert.Empty(standard.Agreement);
        Assert.Equal(new SpcSettings("nelson", SpcSettings.DefaultBaseline, standard.Spc!.Charts), standard.Spc);
        Assert.Equal(new SamplingSettings(0.65, "II", "normal", null, standard.Sampling!.Strata, 0, RiskWeighted: false), standard.Sampling);
    }

    // docs/standards.md: proportions take p, laney-p; rates per unit u, laney-u; continuous figures individuals, ewma, cusum.
    [Theory]
    [InlineData("gold-error-rate", "p laney-p")]
    [InlineData("violation-rate", "p laney-p")]
    [InlineData("violations-per-item", "u laney-u")]
    [InlineData("alpha", "individuals ewma cusum")]
    [InlineData("mean-iou", "individuals ewma cusum")]
    public void Parse_SpcChart_AcceptsExactlyTheChartsOfTheMetricsKindAndAppliesThem(string metric, string fitting)
    {
        string[] names = ["p", "laney-p", "u", "laney-u", "individuals", "ewma", "cusum"];
        ChartKind[] kinds = [ChartKind.P, ChartKind.LaneyP, ChartKind.U, ChartKind.LaneyU, ChartKind.Individuals, ChartKind.Ewma, ChartKind.Cusum];
        var monitored = MonitoredMetric.Find(metric)!;

        var accepted = names.Where(n => Accepts(Head + AlphaRule + $"spc:\n  charts: {{{metric}: {n}}}\n")).ToList();

        Assert.Equal(fitting.Split(' '), accepted);
        foreach (var name in accepted)
        {
            var spc = StandardDocument.Parse(Head + AlphaRule + $"spc:\n  charts: {{{metric}: {name}}}\n", null).Spc!;
            Assert.Equal(kinds[Array.IndexOf(names, name)], spc.ChartFor(monitored));
        }
    }

    [Fact]
    public void ChartFor_MetricTheStandardLeavesOut_IsNull()
    {
        var spc = StandardDocument.Parse(File.ReadAllText(SampleFile), "a.yaml").Spc!;

        Assert.Equal((ChartKind.LaneyP, ChartKind.Ewma), (spc.ChartFor(MonitoredMetric.GoldErrorRate), spc.ChartFor(MonitoredMetric.Alpha)));
        Assert.Null(spc.ChartFor(MonitoredMetric.MeanIou));
    }

    [Fact]
    public void Parse_SameMetricAndSubjectWithTwoSeverities_IsAWarningBand()
    {
        var standard = StandardDocument.Parse(
            Head + "  - metric: gold-f1\n    min: 0.9\n    severity: finding\n  - metric: gold-f1\n    min: 0.8\n", "s.yaml");

        Assert.Equal([RuleSeverity.Finding, RuleSeverity.Reject], standard.Rules.Select(r => r.Severity));
    }

    [Fact]
    public void Yaml_ParsedAgain_GivesTheSameStandard()
    {
        var standard = StandardDocument.Parse(File.ReadAllText(SampleFile), "a.yaml");

        var again = StandardDocument.Parse(standard.Yaml, "b.yaml");

        Assert.Equal(File.ReadAllText(SampleFile), standard.Yaml);
        Assert.Equal(ReportJson.Serialize(StandardView.From(standard)), ReportJson.Serialize(StandardView.From(again)));
    }

    [Fact]
    public void View_Serializes_TheDocumentsStructure()
    {
        var view = StandardView.From(StandardDocument.Parse(File.ReadAllText(SampleFile), "a.yaml"));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view));
        var root = json.RootElement;
        Assert.Equal("front-lidar-cuboids@1.2.0", root.GetProperty("Reference").GetString());
        Assert.Equal("Reject", root.GetProperty("Rules")[0].GetProperty("Severity").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("Rules")[0].GetProperty("Min").ValueKind);
        Assert.Equal(0.3, root.GetProperty("Matching").GetProperty("Classes").GetProperty("pedestrian").GetDouble());
        Assert.Equal("ewma", root.GetProperty("Spc").GetProperty("Charts").GetProperty("alpha").GetString());
        Assert.Contains("\"severity\":\"reject\"", ReportJson.Serialize(view), StringComparison.Ordinal);
    }

    // Each case: the rules (from line 4) and sections after them, then the line, column and path the error must name,
    // and a word of the problem.
    [Theory]
    [InlineData("  - metric: alfa\n    min: 0.8\n", 4, 13, "rules[0].metric", "'alfa' is not a metric a standard can bound")]
    [InlineData("  - metric: gold-f1\n    field: weather\n    min: 0.8\n", 5, 5, "rules[0].field", "'field' does not apply to gold-f1; it takes 'class'")]
    [InlineData("  - metric: alpha\n    class: car\n    min: 0.8\n", 5, 5, "rules[0].class", "it takes 'field'")]
    [InlineData("  - metric: alpha\n    feild: weather\n    min: 0.8\n", 5, 5, "rules[0].feild", "unknown key 'feild'")]
    [InlineData("  - metric: gold-f1\n    min: 1.2\n", 5, 10, "rules[0].min", "1.2 is outside [0, 1], the range of gold-f1")]
    [InlineData("  - metric: alpha\n    lowerBound: -1.5\n", 5, 17, "rules[0].lowerBound", "outside [-1, 1]")]
    [InlineData("  - metric: alpha\n    max: 0.9\n", 5, 10, "rules[0].max", "alpha is better higher")]
    [InlineData("  - metric: violation-rate\n    min: 0.01\n", 5, 10, "rules[0].min", "violation-rate is better lower")]
    [InlineData("  - metric: mean-iou\n    upperBound: 0.9\n", 5, 17, "rules[0].upperBound", "better higher")]
    [InlineData("  - metric: alpha\n    severity: reject\n", 4, 5, "rules[0]", "a rule needs a threshold: min or lowerBound")]
    [InlineData("  - metric: alpha\n    min: 0.7\n    lowerBound: 0.8\n", 6, 17, "rules[0].lowerBound", "lowerBound 0.8 is above min 0.7")]
    [InlineData("  - metric: gold-error-rate\n    max: 0.1\n    upperBound: 0.05\n", 6, 17, "rules[0].upperBound", "upperBound 0.05 is below max 0.1")]
    [InlineData("  - metric: alpha\n    min: 0.7\n    minN: 0\n", 6, 11, "rules[0].minN", "must be at least 1")]
    [InlineData("  - metric: alpha\n    min: 0.7\n    minN: 2.5\n", 6, 11, "rules[0].minN", "'2.5' is not a whole number")]
    [InlineData("  - metric: alpha\n    min: 0.7\n    severity: warn\n", 6, 15, "rules[0].severity", "'warn' is not reject or finding")]
    [InlineData("  - metric: alpha\n    field: weather\n    min: 0.7\n  - metric: alpha\n    field: weather\n    lowerBound: 0.6\n", 7, 5, "rules[1]", "rules[0] already bounds alpha(weather)")]
    [InlineData("  - metric: violation-rate\n    rule: box-too-big\n    max: 0.1\n", 5, 11, "rules[0].rule", "'box-too-big' is not a rule of violation-rate")]
    [InlineData(AlphaRule + "matching:\n  iou: {default: 0}\n", 7, 18, "matching.iou.default", "IoU threshold 0 must be greater than 0")]
    [InlineData(AlphaRule + "matching:\n  iou:\n    classes: {pedestrian: 1.5}\n", 8, 27, "matching.iou.classes.pedestrian", "at most 1")]
    // Found by the fuzz property: a class with no threshold escaped as InvalidOperationException.
    [InlineData(AlphaRule + "matching:\n  iou:\n    classes: {pedestrian: }\n", 8, 15, "matching.iou.classes.pedestrian", "needs an IoU threshold")]
    [InlineData(AlphaRule + "matching:\n  tau: 0.5\n", 7, 3, "matching.tau", "unknown key 'tau'")]
    [InlineData(AlphaRule + "agreement: [krippendorff-alpha, kappa]\n", 6, 33, "agreement[1]", "'kappa' is not an agreement statistic")]
    [InlineData(AlphaRule + "agreement: [fleiss-kappa, fleiss-kappa]\n", 6, 27, "agreement[1]", "listed twice")]
    [InlineData(AlphaRule + "agreement: [fleiss-kappa]\n", 6, 12, "agreement", "rules[0] bounds alpha, but krippendorff-alpha is not listed")]
    [InlineData(AlphaRule + "spc:\n  rules: westernelectric\n", 7, 10, "spc.rules", "'westernelectric' is not one of we, nelson")]
    [InlineData(AlphaRule + "spc:\n  charts: {alpha: p}\n", 7, 19, "spc.charts.alpha", "'p' does not fit alpha, a continuous figure")]
    [InlineData(AlphaRule + "spc:\n  charts: {mean-iou: imr}\n", 7, 22, "spc.charts.mean-iou", "'imr' does not fit mean-iou, a continuous figure (one of individuals, ewma, cusum)")]
    [InlineData(AlphaRule + "spc:\n  charts: {violations-per-item: p}\n", 7, 33, "spc.charts.violations-per-item", "'p' does not fit violations-per-item, a rate per unit (one of u, laney-u)")]
    [InlineData(AlphaRule + "spc:\n  charts: {f1: ewma}\n", 7, 12, "spc.charts.f1", "'f1' is not a monitored metric")]
    [InlineData("  - metric: gwet-ac1\n    min: 0.5\nagreement: [gwet-ac1]\nspc:\n  charts: {alpha: ewma}\n", 8, 12, "spc.charts.alpha", "alpha is charted, but krippendorff-alpha is not listed in agreement")]
    [InlineData(AlphaRule + "spc:\n  baseline: 1\n", 7, 13, "spc.baseline", "must be between 2 and 1000")]
    [InlineData(AlphaRule + "sampling:\n  aql: 1.2\n", 7, 8, "sampling.aql", "1.2 is not an AQL of ANSI/ASQ Z1.4")]
    // Above 10 the tables count nonconformities per hundred units; a review counts nonconforming units.
    [InlineData(AlphaRule + "sampling:\n  aql: 15\n", 7, 8, "sampling.aql", "15 is not an AQL of ANSI/ASQ Z1.4")]
    [InlineData(AlphaRule + "sampling:\n  aql: 1.0\n  strata: [scene.]\n", 8, 12, "sampling.strata[0]", "'scene.' is not a stratum")]
    [InlineData(AlphaRule + "sampling:\n  aql: 1.0\n  level: IV\n", 8, 10, "sampling.level", "'IV' is not one of I, II, III")]
    [InlineData(AlphaRule + "sampling:\n  aql: 1.0\n  strata: [class, vendor]\n", 8, 19, "sampling.strata[1]", "'vendor' is not a stratum")]
    [InlineData(AlphaRule + "sampling:\n  level: II\n", 7, 3, "sampling", "'aql' is required")]
    [InlineData(AlphaRule + "sampling:\n  aql: 1.0\n  riskweighted: true\n", 8, 3, "sampling.riskweighted", "unknown key 'riskweighted'")]
    [InlineData(AlphaRule + "sampling:\n  aql: 1.0\n  riskWeighted: yes\n", 8, 17, "sampling.riskWeighted", "'yes' is not true or false")]
    [InlineData("  - alpha\n", 4, 5, "rules[0]", "must be a mapping")]
    public void Parse_InvalidDocument_NamesLineColumnAndPath(string rest, int line, int column, string path, string problem) =>
        AssertError(Head + rest, line, column, path, problem);

    [Theory]
    [InlineData("standard: front lidar\nversion: 1.0.0\nrules:\n" + AlphaRule, 1, 11, "standard", "is not a safe name")]
    [InlineData("standard: s\nversion: 1.2\nrules:\n" + AlphaRule, 2, 10, "version", "not a version major.minor.patch")]
    [InlineData("standard: s\nversion: 1.0.0\nrule:\n" + AlphaRule, 3, 1, "rule", "unknown key 'rule'")]
    [InlineData("standard: s\nversion: 1.0.0\nrules: []\n", 3, 8, "rules", "a standard needs at least one rule")]
    [InlineData("standard: s\nversion: 1.0.0\nrules: {metric: alpha}\n", 3, 8, "rules", "must be a list")]
    [InlineData("standard: s\nversion: 1.0.0\n", 1, 1, "", "'rules' is required")]
    [InlineData("version: 1.0.0\nrules:\n" + AlphaRule, 1, 1, "", "'standard' is required")]
    [InlineData("# nothing but a comment\n", 1, 1, "", "the document is empty")]
    [InlineData("standard: s\nstandard: t\n", 2, 1, "", "Duplicate key")]
    public void Parse_InvalidTop_NamesLineColumnAndPath(string yaml, int line, int column, string path, string problem) =>
        AssertError(yaml, line, column, path, problem);

    [Fact]
    public void Message_NamesFileLineColumnAndPath()
    {
        var e = Assert.Throws<StandardFormatException>(() => StandardDocument.Parse(Head + "  - metric: alpha\n    max: 0.9\n", null));

        Assert.Equal("standard line 5, column 10, at 'rules[0].max': alpha is better higher: bound it from below with 'min' or 'lowerBound'", e.Message);
    }

    private static bool Accepts(string yaml)
    {
        try
        {
            StandardDocument.Parse(yaml, null);
            return true;
        }
        catch (StandardFormatException)
        {
            return false;
        }
    }

    private static void AssertError(string yaml, int line, int column, string path, string problem)
    {
        var e = Assert.Throws<StandardFormatException>(() => StandardDocument.Parse(yaml, "s.yaml"));

        Assert.Equal(("s.yaml", line, column, path), (e.File, e.Line, e.Column, e.Path));
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitors_AlphaOnlyWhenTheAgreementSectionAcceptsKrippendorffsAlpha()
    {
        // The agreement section decides which statistics a batch is judged by, its alpha chart included; other charts stay.
        var gwetOnly = StandardDocument.Parse(Head + "  - metric: gwet-ac1\n    min: 0.5\nagreement: [gwet-ac1]\n", "s.yaml");
        var listed = StandardDocument.Parse(Head + AlphaRule + "agreement: [krippendorff-alpha, gwet-ac1]\n", "s.yaml");
        var unlisted = StandardDocument.Parse(Head + AlphaRule, "s.yaml");

        Assert.False(gwetOnly.Monitors(MonitoredMetric.Alpha));
        Assert.True(gwetOnly.Monitors(MonitoredMetric.GoldErrorRate));
        Assert.True(listed.Monitors(MonitoredMetric.Alpha));
        Assert.True(unlisted.Monitors(MonitoredMetric.Alpha)); // absent = all
        Assert.True(gwetOnly.Applies("gwet-ac1"));
        Assert.False(gwetOnly.Applies("fleiss-kappa"));
    }
}
