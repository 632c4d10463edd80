using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Facts;

public sealed class FactCollectorTests
{
    private static Annotation Tag(string annotator, AnnotatorRole role, string field, string value) => new("f1", annotator, role, field, value, 1);

    private static Annotation Object(string annotator, AnnotatorRole role, string id, string label, Cuboid cuboid, string occlusion) =>
        new("f1", annotator, role, Annotation.DefaultField, label, 1) { Id = id, Cuboid = cuboid, Attributes = new Dictionary<string, string> { ["occlusion"] = occlusion } };

    [Fact]
    public void AddItem_ObjectsAndTags_OneFactPerEvidenceRowAndPerAnnotatorTag()
    {
        var facts = new FactCollector();
        var audit = new BatchAudit { Facts = facts, Metadata = new Dictionary<string, string> { ["shift"] = "night" } };
        // Gold: a car at (3, 4) with occlusion 0 and a pedestrian at (30, 40). ann-a draws the car in the same place with
        // occlusion 1 (a match whose attribute differs) and misses the pedestrian; a truck of theirs far off is an extra.
        var car = new Cuboid(3, 4, 0, 4.5, 1.9, 1.6, 0);
        audit.AddItem("d.jsonl",
        [
            Tag("gold", AnnotatorRole.Gold, "time_of_day", "night"),
            Tag("a", AnnotatorRole.Annotator, "time_of_day", "day"),
            Tag("a", AnnotatorRole.Annotator, "weather", "rain"),
            Tag("r", AnnotatorRole.Reviewer, "weather", "rain"),
            Object("gold", AnnotatorRole.Gold, "g-car", "car", car, "0"),
            Object("gold", AnnotatorRole.Gold, "g-ped", "pedestrian", new Cuboid(30, 40, 0, 0.7, 0.7, 1.75, 0), "2"),
            Object("a", AnnotatorRole.Annotator, "a-car", "car", car, "1"),
            Object("a", AnnotatorRole.Annotator, "a-truck", "truck", new Cuboid(-80, 0, 0, 8, 2.5, 3.2, 0), "0"),
        ]);

        var objects = facts.Objects.OrderBy(o => o.Outcome, StringComparer.Ordinal).ToList();
        Assert.Equal(["extra", "match", "missed"], objects.Select(o => o.Outcome));
        Assert.Equal(["extra", "attribute", "missed"], objects.Select(o => o.ErrorKind));
        Assert.Equal(["truck", "car", "pedestrian"], objects.Select(o => o.Class));
        var (extra, match, missed) = (objects[0], objects[1], objects[2]);
        Assert.Equal(("a-truck", null, "0"), (extra.AnnotatorObject, extra.GoldObject, extra.Attributes!["occlusion"])); // an extra's strata are its own
        Assert.Equal(("a-car", "g-car", 1.0), (match.AnnotatorObject, match.GoldObject, match.Iou));
        Assert.Equal("""{"occlusion":["0","1"]}""", match.AttributeDifferences);
        Assert.Equal("0", match.Attributes!["occlusion"]); // gold's object describes a match
        // √(30² + 40²) = 50 m in the 40–60 m bin; 0.7 × 0.7 × 1.75 = 0.8575 m³.
        Assert.Equal((50.0, "40–60 m", 0.8575), (missed.RangeM, missed.RangeBin, Math.Round(missed.Size!.Value, 10)));
        Assert.All(objects, o => Assert.Equal("night", o.ItemTags!["time_of_day"]));
        Assert.All(objects, o => Assert.Equal("night", o.DeliveryMetadata!["shift"]));

        // Tags: the annotator's two, not gold's or the reviewer's; gold tagged time_of_day only.
        Assert.Equal(
            [("time_of_day", "day", "night", (bool?)false), ("weather", "rain", null, null)],
            facts.Tags.OrderBy(t => t.Field, StringComparer.Ordinal).Select(t => (t.Field, t.Value, t.GoldValue, t.Correct)));
    }

    [Fact]
    public void Stamp_SetsTheBatchColumnsOnly()
    {
        var origin = new FactOrigin("b1", "d1", "v1", "p1", new DateOnly(2026, 11, 26));

        var stamped = origin.Stamp(new TagFact { Item = "f1", Field = "weather", Annotator = "a", Value = "rain" });

        Assert.Equal(("b1", "d1", "v1", "f1", "rain"), (stamped.BatchId, stamped.DeliveryId, stamped.Vendor, stamped.Item, stamped.Value));
    }
}
