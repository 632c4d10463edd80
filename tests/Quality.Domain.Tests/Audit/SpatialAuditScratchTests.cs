using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Audit;

/// <summary>
/// An audit reuses its per-item storage item after item: a crowded item followed by smaller ones of other annotators
/// and kinds must give each item's evidence and the totals of auditing every item apart and merging.
/// </summary>
public sealed class SpatialAuditScratchTests
{
    [Fact]
    public void AddItem_CrowdedThenSmallerItems_GivesTheEvidenceAndTotalsOfFreshAudits()
    {
        var random = new Random(12);
        IReadOnlyList<Annotation>[] items =
        [
            // Four annotators and gold, 25 cuboids each, crowded so that components of several pairs appear.
            [.. Objects(random, "frame-1", ["gold-key", "a", "b", "c", "d"], 25, boxes: false)],
            // Two other annotators with boxes and cuboids: fewer objects than the buffers now hold.
            [.. Objects(random, "frame-2", ["gold-key", "e", "b"], 4, boxes: false), .. Objects(random, "frame-2", ["gold-key", "e"], 3, boxes: true)],
            // One annotator alone with gold: no pairs, no consensus.
            [.. Objects(random, "frame-3", ["gold-key", "c"], 6, boxes: false)],
            // No gold: pairs and consensus only.
            [.. Objects(random, "frame-4", ["a", "d", "e"], 5, boxes: true)],
        ];
        var options = new SpatialOptions { CuboidMode = CuboidIouMode.BirdsEyeView };
        var reused = new SpatialAudit();
        var merged = new SpatialAudit();
        foreach (var item in items)
        {
            var (reusedEvidence, freshEvidence) = (new List<EvidencePair>(), new List<EvidencePair>());
            reused.AddItem(item, options, reusedEvidence);
            var fresh = new SpatialAudit();
            fresh.AddItem(item, options, freshEvidence);
            merged.Merge(fresh);

            Assert.Equal(freshEvidence, reusedEvidence);
        }

        Assert.Equal(ReportJson.Serialize(SpatialReportView.From(merged)), ReportJson.Serialize(SpatialReportView.From(reused)));
        Assert.Equal(ReportJson.Serialize(GoldAuditView.From(merged)), ReportJson.Serialize(GoldAuditView.From(reused)));
    }

    // Each annotator redraws the same scene with jitter and a few misses, so most objects match across annotators.
    private static IEnumerable<Annotation> Objects(Random random, string item, string[] annotators, int count, bool boxes)
    {
        var scene = Enumerable.Range(0, count).Select(_ => (X: random.NextDouble() * 15, Y: random.NextDouble() * 15, Yaw: random.NextDouble() * 6.28)).ToList();
        string[] classes = ["car", "truck", "pedestrian"];
        foreach (var annotator in annotators)
        {
            var role = annotator == "gold-key" ? AnnotatorRole.Gold : AnnotatorRole.Annotator;
            for (var i = 0; i < count; i++)
            {
                if (role == AnnotatorRole.Annotator && random.Next(6) == 0)
                {
                    continue;
                }

                var (x, y, yaw) = (scene[i].X + (random.NextDouble() - 0.5), scene[i].Y + (random.NextDouble() - 0.5), scene[i].Yaw + (random.NextDouble() - 0.5));
                var label = classes[(i + (random.Next(5) == 0 ? 1 : 0)) % classes.Length];
                yield return boxes
                    ? new Annotation(item, annotator, role, Annotation.DefaultField, label, i + 1) { Box = new Box2D(x * 10, y * 10, 40, 20) }
                    : new Annotation(item, annotator, role, Annotation.DefaultField, label, i + 1) { Cuboid = new Cuboid(x, y, 0, 4.5, 1.9, 1.6, yaw) };
            }
        }
    }
}
