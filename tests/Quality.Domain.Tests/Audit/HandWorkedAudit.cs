using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Audit;

/// <summary>
/// The hand-worked item of <see cref="SpatialAuditTests"/> (gold car and pedestrian; a gets the car and calls the
/// pedestrian a cyclist; b draws the car shifted to IoU 1/3 and misses the pedestrian, matched at τ = 0.3) plus three
/// weather tags (sun/sun, rain/rain, sun/rain), audited: what tests of the figures read off an audit work by hand.
/// </summary>
internal static class HandWorkedAudit
{
    private static readonly SpatialOptions Tau03 = new() { Thresholds = new MatchingThresholds { Default = 0.3 } };

    public static BatchAuditResult Result()
    {
        var audit = new BatchAudit(Tau03);
        audit.AddItem("a.jsonl",
        [
            Cuboid("gold-key", AnnotatorRole.Gold, "car", 0, 0),
            Cuboid("gold-key", AnnotatorRole.Gold, "pedestrian", 10, 0),
            Cuboid("a", AnnotatorRole.Annotator, "car", 0, 0),
            Cuboid("a", AnnotatorRole.Annotator, "cyclist", 10, 0),
            Cuboid("b", AnnotatorRole.Annotator, "car", 2, 0),
        ]);
        string[][] weather = [["sun", "sun"], ["rain", "rain"], ["sun", "rain"]];
        for (var i = 0; i < weather.Length; i++)
        {
            audit.AddItem("a.jsonl",
            [
                new Annotation("frame-" + i, "a", AnnotatorRole.Annotator, "weather", weather[i][0], 3 + i),
                new Annotation("frame-" + i, "b", AnnotatorRole.Annotator, "weather", weather[i][1], 3 + i),
            ]);
        }

        return audit.Finish(_ => Domain.Formats.Canonical.FieldDeclaration.Nominal, new BootstrapOptions { Seed = 1, Replicates = 10 });
    }

    private static Annotation Cuboid(string annotator, AnnotatorRole role, string label, double x, double y) =>
        new("sweep-1", annotator, role, Annotation.DefaultField, label, 2)
        {
            Cuboid = new Domain.Geometry.Cuboid(x, y, 0, 4, 2, 2, 0),
        };
}
