using Quality.Domain.Audit;
using Quality.Domain.Standards;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Standards;

/// <summary>A standard holds frame tags to gold with <c>tag-accuracy</c> and <c>tag-kappa</c>, judged on the interval's bound.</summary>
public sealed class TagGoldStandardTests
{
    private const string Standard = """
        standard: front-camera-tags
        version: 9.0.0
        rules:
          - metric: tag-kappa              # every field; the weakest decides
            lowerBound: 0.6
          - metric: tag-accuracy
            field: road_type
            lowerBound: 0.8
            minN: 90
          - metric: tag-accuracy
            field: weather
            min: 0.7
            minN: 100
            severity: finding
        """;

    [Fact]
    public async Task Evaluate_CameraSample_KappaLowerBoundOfTheWeakestFieldFailsAndAccuracyPasses()
    {
        await using var delivery = File.OpenRead(Repository.Sample("front-camera-tags.jsonl"));
        var audit = await DeliveryAuditor.AuditAsync(delivery, "front-camera-tags.jsonl", CancellationToken.None);

        var verdict = StandardEvaluation.Evaluate(StandardDocument.Parse(Standard, "tags.yaml"), BatchMeasurements.Of(audit.Result));

        // Independent Python count (TagGoldAuditTests): time_of_day pooled κ 0.675231, SE 0.068112 over the 87 tagged
        // of 90 gold items → lower bound 0.675231 − 1.959964 · 0.068112 = 0.541734 < 0.6: fails, and decides the rule.
        var kappa = Assert.Single(verdict.Reasons, r => r.Metric == "tag-kappa");
        Assert.Equal(("time_of_day", RuleStatus.Failed, 87L), (kappa.Subject, kappa.Status, kappa.N));
        Assert.Equal(0.541734, kappa.Interval![0], 5);
        // road_type: 81 of 90, Wilson lower bound 0.820758 ≥ 0.8 with n = 90 ≥ 90.
        var road = Assert.Single(verdict.Reasons, r => r.Metric == "tag-accuracy" && r.Subject == "road_type");
        Assert.Equal((RuleStatus.Passed, 90L), (road.Status, road.N));
        Assert.Equal(0.820758, road.Interval![0], 5);
        // weather has 90 gold items compared, fewer than the 100 the rule needs.
        Assert.Equal(RuleStatus.NotEvaluable, Assert.Single(verdict.Reasons, r => r.Metric == "tag-accuracy" && r.Subject == "weather").Status);
        Assert.Equal(VerdictOutcome.Rejected, verdict.Outcome);
    }

    [Fact]
    public void Parse_TagMetricWithAClass_IsAnErrorNamingTheSubjectKey()
    {
        var error = Assert.Throws<StandardFormatException>(() => StandardDocument.Parse("""
            standard: p
            version: 1.0.0
            rules:
              - metric: tag-kappa
                class: car
                min: 0.5
            """, "bad.yaml"));

        Assert.Contains("it takes 'field'", error.Message, StringComparison.Ordinal);
    }
}
