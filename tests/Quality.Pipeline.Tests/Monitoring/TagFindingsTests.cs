using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Findings;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Tests.Monitoring;

/// <summary>Tag errors against gold feed the error-source analysis as "tag field: gold X tagged Y", system or individual.</summary>
public sealed class TagFindingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Detect_OneAnnotatorTagsFogAsRain_IndividualErrorNamingThem()
    {
        // 60 gold fog frames; c tags 30 of them rain, a and b none: 30 of 60 against 0 of 120 is far outside c's funnel,
        // and c is one of three (a minority) → individual error, c flagged.
        var findings = Detect(item => item < 60
            ? [("weather", "fog", "fog", "fog", item % 2 == 0 ? "rain" : "fog")]
            : [("weather", "rain", "rain", "rain", "rain")]);

        var type = Assert.Single(findings.ErrorTypes, t => t.Type == "tag:weather:fog>rain");
        Assert.Equal("tag weather: gold fog tagged rain", type.Description);
        Assert.Equal((30L, 180L), (type.Errors, type.Opportunities));
        Assert.Equal(ErrorSource.IndividualError, type.Source);
        Assert.Equal(["c"], type.FlaggedAnnotators);
        Assert.Contains(findings.Findings, f => f.Kind == FindingKind.IndividualError && f.ErrorTypeKey == "tag:weather:fog>rain" && f.Annotators.SequenceEqual(["c"]));
    }

    [Fact]
    public void Detect_EveryoneTagsDuskAsNight_SystemErrorWithTheGuidelineAction()
    {
        // 50 gold dusk frames; each annotator tags 40 of them night: 40/50, Wilson 95% lower bound 0.664 > 1/2 for every
        // annotator — most of everyone's opportunities, pervasive → system error without history.
        var findings = Detect(item => [("time_of_day", "dusk", Night(item), Night(item + 1), Night(item + 2))], items: 50);

        var type = Assert.Single(findings.ErrorTypes, t => t.Type == "tag:time_of_day:dusk>night");
        Assert.Equal((120L, 150L), (type.Errors, type.Opportunities));
        Assert.Equal(ErrorSource.SystemError, type.Source);
        Assert.StartsWith("Review the guideline's definitions that separate time_of_day dusk from night", type.Action, StringComparison.Ordinal);

        static string Night(int item) => item % 5 == 0 ? "dusk" : "night";
    }

    [Fact]
    public void Of_UntaggedGoldField_IsATagErrorWithNoValue()
    {
        var audit = new BatchAudit();
        audit.AddItem("d", [Tag("f1", "key", "weather", "fog", AnnotatorRole.Gold), Tag("f1", "a", "road_type", "urban")]);

        var counts = BatchErrorCounts.Of(Finish(audit));

        var cell = Assert.Single(counts.Errors);
        Assert.Equal((BatchErrorCounts.Tag, "weather", "fog", (string?)null, "a", 1L), (cell.Kind, BatchErrorCounts.TagField(cell.Subject).Field, BatchErrorCounts.TagField(cell.Subject).GoldValue, cell.LabeledAs, cell.Annotator, cell.Count));
        Assert.Equal("tag:weather:fog>missing", ErrorType.Tag("weather", "fog", null).Key);
        Assert.Equal("tag weather: gold fog left untagged", ErrorType.Tag("weather", "fog", null).Describe());
    }

    [Fact]
    public void StoredCounts_RoundTrip_KeepTagOpportunitiesAndPartialsMergeExactly()
    {
        var left = new BatchAudit();
        var right = new BatchAudit();
        var whole = new BatchAudit();
        for (var i = 0; i < 40; i++)
        {
            IReadOnlyList<Annotation> item = [Tag($"f{i}", "key", "weather", i % 3 == 0 ? "fog" : "rain", AnnotatorRole.Gold), Tag($"f{i}", "a", "weather", i % 4 == 0 ? "fog" : "rain")];
            whole.AddItem("d", item);
            (i % 2 == 0 ? left : right).AddItem("d", item);
        }

        // The shard partials as the pipeline stores them (PipelineJson), merged: the same tag figures as one pass.
        var merged = BatchAudit.FromState(PipelineJson.Deserialize<BatchAuditState>(PipelineJson.Serialize(left.ToState())));
        merged.Merge(BatchAudit.FromState(PipelineJson.Deserialize<BatchAuditState>(PipelineJson.Serialize(right.ToState()))));
        Assert.Equivalent(TagGoldView.From(Finish(whole).TagGold),
            TagGoldView.From(Finish(merged).TagGold), strict: true);

        var counts = BatchErrorCounts.Of(Finish(merged));
        var stored = PipelineJson.Deserialize<BatchErrorCounts>(PipelineJson.Serialize(counts));

        // Gold fog on f0, f3, …, f39: 14 items; a tags fog on multiples of 4, i.e. f0, f12, f24, f36 of them, so 10 fog → rain.
        Assert.Equal(14, stored.GoldTags[BatchErrorCounts.TagSubject("weather", "fog")]["a"]);
        Assert.Equal((10L, 14L), stored.Pooled(BatchErrorCounts.Tag, BatchErrorCounts.TagSubject("weather", "fog"), "rain"));
    }

    /// <summary>
    /// A delivery of <paramref name="items"/> frames, each with its gold tags and annotators a, b, c's values:
    /// (field, gold, a, b, c).
    /// </summary>
    private static BatchFindings Detect(Func<int, (string Field, string Gold, string A, string B, string C)[]> tagsOf, int items = 120)
    {
        var audit = new BatchAudit();
        for (var i = 0; i < items; i++)
        {
            var item = $"f{i}";
            var annotations = new List<Annotation>();
            foreach (var (field, gold, a, b, c) in tagsOf(i))
            {
                annotations.AddRange([Tag(item, "key", field, gold, AnnotatorRole.Gold), Tag(item, "a", field, a), Tag(item, "b", field, b), Tag(item, "c", field, c)]);
            }

            audit.AddItem("d", annotations);
        }

        var result = Finish(audit);
        return FindingDetector.Detect(new SeriesBatch("front-camera-tags", "acme", "b1", Now, "driving@2.0.0"), BatchErrorCounts.Of(result), [], Now);
    }

    private static BatchAuditResult Finish(BatchAudit audit) => audit.Finish(_ => FieldDeclaration.Nominal, new BootstrapOptions { Seed = 1 });

    private static Annotation Tag(string item, string annotator, string field, string label, AnnotatorRole role = AnnotatorRole.Annotator) =>
        new(item, annotator, role, field, label, 2);
}
