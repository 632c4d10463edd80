using System.Text.Json.Nodes;
using Quality.Domain.Audit;
using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class FindingEvidenceTests
{
    private static readonly DateTimeOffset Seen = new(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void FromVerdict_OthersMadeNoErrorsAndNoHistory_UndefinedFiguresAreNullWithReasons()
    {
        // b's 20 of 100 against the others' 0 of 300: the leave-one-out target is 0, so z has no spread; no history, so
        // elevation was not tested. Both used to read "NaN" in the evidence.
        var observation = new ErrorObservation(ErrorType.Confusion("Rollstuhl", "Fußgänger"),
            [new AnnotatorErrors("a", 0, 100), new AnnotatorErrors("b", 20, 100), new AnnotatorErrors("c", 0, 100), new AnnotatorErrors("d", 0, 100)], null);
        var verdict = ErrorSourceAnalysis.Analyze([observation]).Single();

        var finding = Finding.FromVerdict("p", "batch-1", Seen, verdict).Single();

        Assert.Equal(FindingKind.IndividualError, finding.Kind);
        var json = ReportJson.Serialize(finding);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", finding.Statement, StringComparison.Ordinal);
        var b = finding.Evidence.Single(e => e.Name == "annotator.b.rate");
        Assert.Contains("z=undefined (the others' rate is 0 or 1", b.Detail, StringComparison.Ordinal);
        Assert.All(finding.Evidence.Where(e => e.Value is null), e => Assert.False(string.IsNullOrWhiteSpace(e.UndefinedReason)));
        var elevation = JsonNode.Parse(json)!["evidence"]!.AsArray().Single(e => (string?)e!["name"] == "elevation.p")!;
        Assert.Null(elevation["value"]);
        Assert.Equal(ElevationTest.WhyNotTested, (string?)elevation["undefinedReason"]);
    }

    [Fact]
    public void ConfusionTrend_SingleDelivery_StatementSaysThereIsNoBaseline()
    {
        var trend = ConfusionTrend.Analyze(ErrorType.Confusion("Rollstuhl", "Fußgänger"), [new DeliveryCount("d1", 3, 100)]);

        Assert.DoesNotContain("NaN", trend.Statement, StringComparison.Ordinal);
        Assert.DoesNotContain("n/a", trend.Statement, StringComparison.Ordinal);
        Assert.Contains("vs no baseline (no earlier delivery had opportunities for it)", trend.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NonFiniteValue_IsNullWithTheReason()
    {
        var evidence = FindingEvidence.Of("elevation.ratio", double.PositiveInfinity, whyUndefined: "the reference rate is 0");

        Assert.Equal((null, "the reference rate is 0"), (evidence.Value, evidence.UndefinedReason));
        Assert.Null(FindingEvidence.Of("rate", 0.25).UndefinedReason);
    }
}
