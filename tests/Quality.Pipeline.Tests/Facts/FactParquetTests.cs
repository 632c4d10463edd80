using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Pipeline.Facts;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Facts;

/// <summary>The facts writer's files read back with Parquet.Net: the same rows, stamped with their batch, in row groups of bounded size.</summary>
public sealed class FactParquetTests
{
    private static readonly FactOrigin Origin = new("0123456789abcdef0123456789abcdef", "2026-11-26-lidar-001", "acme-labeling", "front-lidar-cuboids", new DateOnly(2026, 11, 26));

    private static async Task<(FactCollector Facts, List<EvidencePair> Evidence)> AuditAsync(string sample)
    {
        var facts = new FactCollector();
        var evidence = new List<EvidencePair>();
        await using var stream = File.OpenRead(Repository.Sample(sample));
        await DeliveryAuditor.AuditAsync(stream, sample, CancellationToken.None, evidence: evidence, facts: facts);
        return (facts, evidence);
    }

    [Fact]
    public async Task Objects_ReadBack_EqualTheEvidenceRowsStampedWithTheirBatch()
    {
        var (facts, evidence) = await AuditAsync("front-lidar-cuboids.jsonl");

        var bytes = await FactParquet.SerializeAsync(facts, Origin, FactTable.Objects, CancellationToken.None);
        var rows = await FactRows.ReadAsync<ObjectFact>(new MemoryStream(bytes!));

        // The sample's audit: tp 745 + misclassified 40 + missed 67 + extra 57 = 909 evidence rows (quality audit --json).
        Assert.Equal(909, rows.Count);
        Assert.Equal(evidence.Count, rows.Count);
        Assert.Equal(facts.Objects.Select(o => FactRows.Json(Origin.Stamp(o))), rows.Select(FactRows.Json));
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, pair) = (rows[i], evidence[i]);
            Assert.Equal((Origin.BatchId, Origin.DeliveryId, Origin.Vendor), (row.BatchId, row.DeliveryId, row.Vendor));
            Assert.Equal((pair.Item, pair.DataType, pair.Outcome, pair.Annotator, pair.AnnotatorObject, pair.GoldAnnotator, pair.GoldObject),
                (row.Item, row.DataType, row.Outcome, row.Annotator, row.AnnotatorObject, row.GoldAnnotator, row.GoldObject));
            Assert.Equal((pair.GoldClass, pair.AnnotatorClass, pair.Iou), (row.GoldClass, row.AnnotatorClass, row.Iou));
            Assert.Equal((pair.Strata!.RangeMetres, pair.Strata.Size), (row.RangeM, row.Size));
            Assert.Equal(pair.Strata.Levels["range"], row.RangeBin);
            Assert.Equal(pair.Strata.Levels["attribute.occlusion"], row.Attributes!["occlusion"]);
        }
    }

    [Fact]
    public async Task Tags_ReadBack_EqualTheTagsWithGoldBeside()
    {
        var (facts, _) = await AuditAsync("front-camera-tags.jsonl");

        var bytes = await FactParquet.SerializeAsync(facts, Origin, FactTable.Tags, CancellationToken.None);
        var rows = await FactRows.ReadAsync<TagFact>(new MemoryStream(bytes!));

        // 2693 annotations = 2603 annotator tags + 90 gold tags (30 gold frames × 3 fields; samples/README.md: gold on every tenth of 300 frames).
        Assert.Equal(2603, rows.Count);
        Assert.Equal(facts.Tags.Select(t => FactRows.Json(Origin.Stamp(t))), rows.Select(FactRows.Json));
        Assert.All(rows.Where(r => r.GoldValue is null), r => Assert.Null(r.Correct));
        Assert.All(rows.Where(r => r.GoldValue is not null), r => Assert.Equal(r.Value == r.GoldValue, r.Correct));
    }

    [Fact]
    public async Task Serialize_MoreRowsThanAGroupHolds_SplitsIntoBoundedRowGroups()
    {
        var facts = new FactCollector();
        var item = new[] { new Quality.Domain.Annotations.Annotation("f", "ann-01", Quality.Domain.Annotations.AnnotatorRole.Annotator, "weather", "rain", 1) };
        for (var i = 0; i < FactParquet.RowGroupRows + 1; i++)
        {
            facts.AddItem(item, [], Quality.Domain.RootCauses.ItemStrata.Of(item, null));
        }

        var bytes = await FactParquet.SerializeAsync(facts, Origin, FactTable.Tags, CancellationToken.None);

        await using var reader = await Parquet.ParquetReader.CreateAsync(new MemoryStream(bytes!));
        Assert.Equal(2, reader.RowGroupCount); // 50,000 rows, then 1
        Assert.Equal([FactParquet.RowGroupRows, 1L], reader.RowGroups.Select(g => g.RowCount));
    }

    [Fact]
    public async Task Serialize_NoRowsOfTheTable_WritesNoFile()
    {
        var (facts, _) = await AuditAsync("front-camera-tags.jsonl");

        Assert.Null(await FactParquet.SerializeAsync(facts, Origin, FactTable.Objects, CancellationToken.None));
    }
}
