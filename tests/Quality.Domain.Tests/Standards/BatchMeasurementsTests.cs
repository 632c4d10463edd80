using Quality.Domain.Audit;
using Quality.Domain.Tests.Audit;
using Quality.Domain.Matching;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Tests.Standards;

/// <summary>Measurements read off a real audit, <see cref="HandWorkedAudit"/>, worked by hand.</summary>
public sealed class BatchMeasurementsTests
{
    [Fact]
    public void Of_Gold_GivesPrecisionRecallF1AndErrorRateByHand()
    {
        var measurements = BatchMeasurements.Of(Audit());

        // Overall: TP 2 (both cars), FP 1 (a's cyclist), FN 2 (a's pedestrian misclassified, b's missed).
        AssertRate(measurements, "gold-precision", null, 2.0 / 3, 3);
        AssertRate(measurements, "gold-recall", null, 0.5, 4);
        // F1 = 2TP / (2TP + FP + FN) = 4/7, n = TP + FP + FN; its interval is Wilson's on J = 2/5 mapped by 2J / (1 + J).
        var f1 = Find(measurements, "gold-f1", null);
        Assert.Equal(4.0 / 7, f1.Value, 12);
        Assert.Equal((5L, "wilson-jaccard"), (f1.N, f1.IntervalMethod));
        Assert.Equal(2 * 0.1176 / 1.1176, f1.Lower!.Value, 3);
        // Gold error rate as the series count it: FN / (TP + FN) = 2/4, Wilson [0.1500, 0.8500].
        var errors = Find(measurements, "gold-error-rate", null);
        Assert.Equal((0.5, 4L), (errors.Value, errors.N));
        Assert.Equal((0.1500, 0.8500), (Math.Round(errors.Lower!.Value, 4), Math.Round(errors.Upper!.Value, 4)));
        AssertRate(measurements, "gold-recall", "pedestrian", 0, 2);
        AssertRate(measurements, "gold-precision", "car", 1, 2);
        AssertRate(measurements, "gold-precision", "cyclist", 0, 1);
    }

    [Fact]
    public void Of_Gold_MeanIouHasItsMatchedPairsAndNoInterval()
    {
        var measurements = BatchMeasurements.Of(Audit());

        // Matched pairs: a's car (IoU 1), a's pedestrian as cyclist (IoU 1), b's car (IoU 1/3).
        var overall = Find(measurements, "mean-iou", null);
        Assert.Equal(7.0 / 9, overall.Value, 1e-9);
        Assert.Equal((3L, false), (overall.N, overall.HasInterval));
        Assert.Equal(2.0 / 3, Find(measurements, "mean-iou", "car").Value, 1e-9);
        Assert.Equal(2L, Find(measurements, "mean-iou", "car").N);
    }

    [Fact]
    public void Of_UndefinedFigures_AreAbsent()
    {
        var measurements = BatchMeasurements.Of(Audit());

        // No gold pedestrian was matched as a pedestrian by anyone, nor any gold cyclist drawn: precision and recall undefined.
        Assert.Null(measurements.Find("gold-precision", "pedestrian"));
        Assert.Null(measurements.Find("gold-recall", "cyclist"));
        Assert.Null(measurements.Find("gold-error-rate", "cyclist"));
        Assert.Null(measurements.Find("mean-iou", "cyclist"));
        Assert.DoesNotContain(measurements.All, m => m.Metric == "violation-rate");
        Assert.All(measurements.All, m => Assert.True(double.IsFinite(m.Value)));
    }

    [Fact]
    public void Of_TagField_GivesAlphaWithItsUnitsAndBootstrapInterval()
    {
        var alpha = Find(BatchMeasurements.Of(Audit()), "alpha", "weather");

        // Nominal alpha of (sun,sun), (rain,rain), (sun,rain) is 4/9 (SeriesFiguresTests works it by hand).
        Assert.Equal((4.0 / 9, 3L), (alpha.Value, alpha.N));
        Assert.True(!alpha.HasInterval || (alpha.IntervalMethod == "bootstrap-percentile" && alpha.Lower <= alpha.Upper));
        Assert.Equal(2.0 / 3, Find(BatchMeasurements.Of(Audit()), "percent-agreement", "weather").Value, 12);
        Assert.Null(BatchMeasurements.Of(Audit()).Find("alpha", null));
    }

    [Fact]
    public void Of_ViolationsChecked_GivesEveryRulesRateIncludingTheUnbroken()
    {
        var tally = new ViolationTally();
        tally.Add([V(TaxonomyRules.UnknownClass), V(TaxonomyRules.BoxTooSmall)], "car", "a");
        tally.Add([V(TaxonomyRules.BoxTooSmall)], "car", "b");
        tally.Add([], "car", "a");
        tally.Add([], "car", "b");

        var measurements = BatchMeasurements.Of(Audit() with { Violations = tally });

        AssertRate(measurements, "violation-rate", null, 0.5, 4);
        AssertRate(measurements, "violation-rate", TaxonomyRules.BoxTooSmall, 0.5, 4);
        AssertRate(measurements, "violation-rate", TaxonomyRules.UnknownClass, 0.25, 4);
        AssertRate(measurements, "violation-rate", TaxonomyRules.DuplicateId, 0, 4);
        Assert.Equal(TaxonomyRules.All.Count + 1, measurements.All.Count(m => m.Metric == "violation-rate"));
    }

    [Fact]
    public void Of_Audit_EvaluatesTheSample()
    {
        var standard = StandardDocument.Parse(
            "standard: s\nversion: 1.0.0\nrules:\n  - metric: gold-recall\n    class: car\n    lowerBound: 0.3\n  - metric: gold-f1\n    min: 0.6\n    severity: finding\n",
            null);

        var verdict = StandardEvaluation.Evaluate(standard, BatchMeasurements.Of(Audit()));

        // Car recall 2/2 has Wilson lower bound 0.342 ≥ 0.3; overall F1 4/7 = 0.571 < 0.6 is a finding.
        Assert.Equal(VerdictOutcome.AcceptedWithFindings, verdict.Outcome);
        Assert.Equal([RuleStatus.Passed, RuleStatus.Failed], verdict.Reasons.Select(r => r.Status));
        Assert.Equal("gold-recall(car) = 1, 95% CI [0.3424, 1], n = 2 gold objects: lower bound 0.3424 ≥ 0.3 required → pass", verdict.Reasons[0].Statement);
    }

    private static void AssertRate(BatchMeasurements measurements, string metric, string? subject, double value, long n)
    {
        var m = Find(measurements, metric, subject);
        var wilson = WilsonScoreInterval.Compute((long)Math.Round(value * n), n);
        Assert.Equal(value, m.Value, 12);
        Assert.Equal((n, "wilson", wilson.Lower, wilson.Upper), (m.N, m.IntervalMethod, m.Lower!.Value, m.Upper!.Value));
    }

    private static Measurement Find(BatchMeasurements measurements, string metric, string? subject) =>
        measurements.Find(metric, subject) ?? throw new Xunit.Sdk.XunitException($"{metric}({subject}) was not measured");

    private static Violation V(string rule) => new(rule, "car", "i", "a", "a.jsonl", 2, null, "label", "message");

    private static BatchAuditResult Audit() => HandWorkedAudit.Result();
}
