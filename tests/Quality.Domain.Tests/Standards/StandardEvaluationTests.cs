using System.Text.Json;
using Quality.Domain.Audit;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Tests.Standards;

/// <summary>Verdicts on hand-made measurements: what each rule status does to the outcome, and what the reasons say.</summary>
public sealed class StandardEvaluationTests
{
    private static readonly Measurement Weather = new("alpha", "weather", 0.74, 0.69, 0.79, 412, "bootstrap-percentile");

    [Fact]
    public void Evaluate_EstimatePassesButLowerBoundFails_Rejects()
    {
        var rule = new StandardRule("alpha", "weather", RuleSeverity.Reject) { Min = 0.7, LowerBound = 0.7 };

        var verdict = Evaluate([rule], [Weather]);

        Assert.Equal(VerdictOutcome.Rejected, verdict.Outcome);
        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal(RuleStatus.Failed, reason.Status);
        Assert.Equal(
            "alpha(weather) = 0.74, 95% CI [0.69, 0.79], n = 412 units: estimate 0.74 ≥ 0.7 required; lower bound 0.69 < 0.7 required → reject",
            reason.Statement);
        Assert.Equal((0.74, 0.69, 0.79, 412L, 0.7), (reason.Value!.Value, reason.Interval![0], reason.Interval[1], reason.N!.Value, reason.LowerBound!.Value));
        Assert.Equal("s@1.0.0", verdict.Standard);
        Assert.Equal("Rejected under s@1.0.0 (1 rules): failed: alpha(weather)", verdict.Summary);
    }

    [Fact]
    public void Evaluate_UpperBoundAboveTheLimitWithTheEstimateBelow_Fails()
    {
        var rule = new StandardRule("violation-rate", null, RuleSeverity.Finding) { UpperBound = 0.02 };

        var verdict = Evaluate([rule], [new("violation-rate", null, 0.01, 0.005, 0.025, 800, "wilson")]);

        Assert.Equal(VerdictOutcome.AcceptedWithFindings, verdict.Outcome);
        Assert.Equal(
            "violation-rate(all rules) = 0.01, 95% CI [0.005, 0.025], n = 800 annotations checked: upper bound 0.025 > 0.02 required → finding",
            verdict.Reasons[0].Statement);
    }

    [Fact]
    public void Evaluate_BoundAskedButNoInterval_IsNotEvaluableAndAcceptsWithFindings()
    {
        var rule = new StandardRule("mean-iou", "car", RuleSeverity.Reject) { Min = 0.6, LowerBound = 0.6 };

        var verdict = Evaluate([rule], [new("mean-iou", "car", 0.8, null, null, 120, null)]);

        Assert.Equal(VerdictOutcome.AcceptedWithFindings, verdict.Outcome);
        Assert.Equal(RuleStatus.NotEvaluable, verdict.Reasons[0].Status);
        Assert.Null(verdict.Reasons[0].Interval);
        Assert.Equal(
            "mean-iou(car) = 0.8, no interval, n = 120 matched pairs: estimate 0.8 ≥ 0.6 required; no interval for the lower bound ≥ 0.6 required"
            + " → could not be evaluated: not rejected on missing evidence, accepted with findings",
            verdict.Reasons[0].Statement);
    }

    [Fact]
    public void Evaluate_NoIntervalButTheEstimateAlreadyFails_Rejects()
    {
        var rule = new StandardRule("mean-iou", "car", RuleSeverity.Reject) { Min = 0.7, LowerBound = 0.6 };

        var verdict = Evaluate([rule], [new("mean-iou", "car", 0.65, null, null, 120, null)]);

        Assert.Equal((VerdictOutcome.Rejected, RuleStatus.Failed), (verdict.Outcome, verdict.Reasons[0].Status));
    }

    [Fact]
    public void Evaluate_FewerUnitsThanMinN_IsNotEvaluableWhateverTheValue()
    {
        var rule = new StandardRule("gold-f1", "cyclist", RuleSeverity.Reject) { LowerBound = 0.8, MinN = 30 };

        var verdict = Evaluate([rule], [new("gold-f1", "cyclist", 0.2, 0.05, 0.5, 12, "wilson-jaccard")]);

        Assert.Equal((VerdictOutcome.AcceptedWithFindings, RuleStatus.NotEvaluable), (verdict.Outcome, verdict.Reasons[0].Status));
        Assert.StartsWith("gold-f1(cyclist) = 0.2, 95% CI [0.05, 0.5], n = 12 objects: n 12 < 30 required, too few to judge → could not be evaluated",
            verdict.Reasons[0].Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NotMeasured_SaysWhy()
    {
        var verdict = Evaluate([new StandardRule("violation-rate", TaxonomyRules.BoxTooSmall, RuleSeverity.Finding) { Max = 0.1 }], []);

        Assert.Equal((VerdictOutcome.AcceptedWithFindings, RuleStatus.NotEvaluable), (verdict.Outcome, verdict.Reasons[0].Status));
        Assert.Equal(
            "violation-rate(box-too-small) was not measured: no annotation was checked against a taxonomy → could not be evaluated: finding",
            verdict.Reasons[0].Statement);
        Assert.Null(verdict.Reasons[0].Value);
    }

    [Fact]
    public void Evaluate_FindingRuleFails_AcceptsWithFindings()
    {
        var rule = new StandardRule("alpha", "weather", RuleSeverity.Finding) { Min = 0.8 };

        var verdict = Evaluate([rule], [Weather]);

        Assert.Equal(VerdictOutcome.AcceptedWithFindings, verdict.Outcome);
        Assert.EndsWith("estimate 0.74 < 0.8 required → finding", verdict.Reasons[0].Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllPass_AcceptsUnlessFindingsAreOpen()
    {
        StandardRule[] rules = [new("alpha", "weather", RuleSeverity.Reject) { Min = 0.7, LowerBound = 0.6 }];

        var clean = Evaluate(rules, [Weather]);
        var withFindings = Evaluate(rules, [Weather], findingsCount: 2);

        Assert.Equal((VerdictOutcome.Accepted, RuleStatus.Passed), (clean.Outcome, clean.Reasons[0].Status));
        Assert.Equal("Accepted under s@1.0.0 (1 rules): every rule passed", clean.Summary);
        Assert.EndsWith("lower bound 0.69 ≥ 0.6 required → pass", clean.Reasons[0].Statement, StringComparison.Ordinal);
        Assert.Equal((VerdictOutcome.AcceptedWithFindings, 2), (withFindings.Outcome, withFindings.OpenFindings));
        Assert.Equal("AcceptedWithFindings under s@1.0.0 (1 rules): 2 open findings raised by the batch", withFindings.Summary);
    }

    [Fact]
    public void Evaluate_FieldOmitted_HoldsForEveryFieldAndReportsTheWorst()
    {
        var rule = new StandardRule("alpha", null, RuleSeverity.Reject) { LowerBound = 0.65 };
        Measurement road = new("alpha", "road_type", 0.70, 0.62, 0.77, 300, "bootstrap-percentile");
        Measurement time = new("alpha", "time_of_day", 0.72, 0.70, 0.78, 300, "bootstrap-percentile");

        var failing = Evaluate([rule], [Weather, road, time]);
        var passing = Evaluate([rule], [Weather, time]);

        Assert.Equal((VerdictOutcome.Rejected, "road_type"), (failing.Outcome, failing.Reasons[0].Subject));
        Assert.Equal("alpha(every field): 95% CI lower bound ≥ 0.65; reject", failing.Reasons[0].Rule);
        Assert.StartsWith("alpha(road_type) = 0.7, ", failing.Reasons[0].Statement, StringComparison.Ordinal);
        // Weather's estimate is above time_of_day's but its lower bound below: the bound decides which field is the weakest.
        Assert.Equal((VerdictOutcome.Accepted, "weather"), (passing.Outcome, passing.Reasons[0].Subject));
    }

    [Fact]
    public void Evaluate_BoundJustBelowTheThreshold_PrintsEnoughDigitsToShowIt()
    {
        var rule = new StandardRule("alpha", "weather", RuleSeverity.Reject) { LowerBound = 0.7 };

        var verdict = Evaluate([rule], [Weather with { Lower = 0.69999 }]);

        Assert.Contains("lower bound 0.69999 < 0.7 required", verdict.Reasons[0].Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_Serializes_WithNamesAndNullsNeverNaN()
    {
        var verdict = Evaluate(
            [new StandardRule("mean-iou", "car", RuleSeverity.Finding) { Min = 0.7 }, new StandardRule("gold-f1", null, RuleSeverity.Reject) { LowerBound = 0.8 }],
            [new("mean-iou", "car", 0.8, null, null, 120, null)]);

        var json = JsonSerializer.Serialize(verdict);

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("AcceptedWithFindings", document.RootElement.GetProperty("Outcome").GetString());
        var reasons = document.RootElement.GetProperty("Reasons");
        Assert.Equal(("Passed", JsonValueKind.Null), (reasons[0].GetProperty("Status").GetString(), reasons[0].GetProperty("Interval").ValueKind));
        Assert.Equal(("NotEvaluable", JsonValueKind.Null), (reasons[1].GetProperty("Status").GetString(), reasons[1].GetProperty("Value").ValueKind));
        Assert.Contains("\"outcome\":\"acceptedWithFindings\"", ReportJson.Serialize(verdict), StringComparison.Ordinal);
    }

    [Fact]
    public void Measurements_RejectNaNDuplicatesAndHalfIntervals()
    {
        Assert.Throws<ArgumentException>(() => new BatchMeasurements([Weather with { Value = double.NaN }]));
        Assert.Throws<ArgumentException>(() => new BatchMeasurements([Weather, Weather]));
        Assert.Throws<ArgumentException>(() => new BatchMeasurements([Weather with { Upper = null }]));
        Assert.Throws<ArgumentException>(() => new BatchMeasurements([Weather with { Lower = 0.9 }]));
    }

    internal static QualityStandard Standard(IReadOnlyList<StandardRule> rules) => new("s", new SemanticVersion(1, 0, 0), rules, "");

    private static Verdict Evaluate(IReadOnlyList<StandardRule> rules, IEnumerable<Measurement> measurements, int findingsCount = 0) =>
        StandardEvaluation.Evaluate(Standard(rules), new BatchMeasurements(measurements), findingsCount);
}
