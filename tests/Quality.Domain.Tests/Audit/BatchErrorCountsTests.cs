using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Matching;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Tests.Audit;

/// <summary>The hand-worked item of <see cref="SpatialAuditTests"/>: a calls the gold pedestrian a cyclist, b misses it.</summary>
public sealed class BatchErrorCountsTests
{
    [Fact]
    public void Of_GoldItem_CountsEachAnnotatorsConfusionsAndMissesOverTheirGoldObjects()
    {
        var counts = BatchErrorCounts.Of(Audit());

        Assert.Equal(new Dictionary<string, long> { ["a"] = 1, ["b"] = 1 }, counts.GoldObjects["pedestrian"]);
        var types = counts.Types().ToList();
        Assert.Equal(2, types.Count);
        var confusion = Assert.Single(types, t => t.Kind == BatchErrorCounts.Confusion);
        Assert.Equal(("pedestrian", "cyclist"), (confusion.Subject, confusion.LabeledAs));
        Assert.Equal([new("a", 1, 1), new AnnotatorErrors("b", 0, 1)], confusion.Annotators);
        var miss = Assert.Single(types, t => t.Kind == BatchErrorCounts.Miss);
        Assert.Equal([new("a", 0, 1), new AnnotatorErrors("b", 1, 1)], miss.Annotators);
        Assert.Equal((1L, 2L), counts.Pooled(BatchErrorCounts.Confusion, "pedestrian", "cyclist"));
        Assert.Equal((0L, 2L), counts.Pooled(BatchErrorCounts.Confusion, "pedestrian", "car"));
        Assert.Equal((0L, 0L), counts.Pooled(BatchErrorCounts.Miss, "truck", null));
    }

    [Fact]
    public void Of_Violations_CountsEachRuleOverEachAnnotatorsCheckedAnnotations()
    {
        var tally = new ViolationTally();
        tally.Add([V("unknown-class")], "car", "a");
        tally.Add([], "car", "a");
        tally.Add([], "car", "b");

        var rule = Assert.Single(BatchErrorCounts.Of(Audit() with { Violations = tally }).Types(), t => t.Kind == BatchErrorCounts.Rule);

        Assert.Equal("unknown-class", rule.Subject);
        Assert.Equal([new("a", 1, 2), new AnnotatorErrors("b", 0, 1)], rule.Annotators);
    }

    private static BatchAuditResult Audit()
    {
        var audit = new BatchAudit(new SpatialOptions { Thresholds = new MatchingThresholds { Default = 0.3 } });
        audit.AddItem("a.jsonl",
        [
            Cuboid("gold-key", AnnotatorRole.Gold, "car", 0),
            Cuboid("gold-key", AnnotatorRole.Gold, "pedestrian", 10),
            Cuboid("a", AnnotatorRole.Annotator, "car", 0),
            Cuboid("a", AnnotatorRole.Annotator, "cyclist", 10),
            Cuboid("b", AnnotatorRole.Annotator, "car", 2),
        ]);
        return audit.Finish(_ => FieldDeclaration.Nominal, new BootstrapOptions { Seed = 1, Replicates = 10 });
    }

    private static Violation V(string rule) => new(rule, "car", "i", "a", "a.jsonl", 2, null, "label", "message");

    private static Annotation Cuboid(string annotator, AnnotatorRole role, string label, double x) =>
        new("sweep-1", annotator, role, Annotation.DefaultField, label, 2) { Cuboid = new Domain.Geometry.Cuboid(x, 0, 0, 4, 2, 2, 0) };
}
