using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Pipeline.Facts;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Facts;

/// <summary>
/// The column writer's files against Parquet.Net's row serializer, which wrote the facts before it (and cannot run in
/// the natively compiled command): the same schema and the same bytes for the same rows — the samples' audits, rows
/// with null, empty and filled maps and null values, more rows than a group holds, and no rows.
/// </summary>
public sealed class FactFileWriterTests
{
    private static readonly FactOrigin Origin = new("0123456789abcdef0123456789abcdef", "2026-11-26-lidar-001", "acme-labeling", "front-lidar-cuboids", new DateOnly(2026, 11, 26));

    private static readonly ParquetOptions SerializerOptions = new() { RowGroupSize = FactParquet.RowGroupRows };

    /// <summary>Rows whose maps are null, empty, of one entry and of several, and whose optional values are null or not.</summary>
    private static readonly ObjectFact[] EdgeObjects =
    [
        new() { BatchId = "b", Item = "f1", Outcome = "missed", ErrorKind = "missed", Class = "car" },
        new()
        {
            BatchId = "b", Item = "f1", AnnotatorObject = "o-1", GoldObject = "g-1", Outcome = "match", Class = "car", Iou = 0.75, RangeM = 12.5,
            RangeBin = "0–20 m", Size = 9.2, Attributes = new Dictionary<string, string>(), ItemTags = new Dictionary<string, string> { ["weather"] = "rain" },
            DeliveryMetadata = new Dictionary<string, string> { ["site"] = "north", ["shift"] = "night", ["tool_version"] = "" },
        },
        new() { Item = "", Class = "", Attributes = new Dictionary<string, string> { ["occlusion"] = "none", ["truncated"] = "no" } },
        new() { Item = "f2", Iou = 0, Size = -1.5, ItemTags = new Dictionary<string, string>(), DeliveryMetadata = new Dictionary<string, string>() },
    ];

    private static readonly TagFact[] EdgeTags =
    [
        new() { Item = "f1", Field = "weather", Value = "rain" },
        new() { Item = "f1", Field = "weather", Value = "rain", GoldValue = "rain", Correct = true, ItemTags = new Dictionary<string, string> { ["weather"] = "rain", ["time_of_day"] = "day" } },
        new() { Item = "f2", Field = "weather", Value = "snow", GoldValue = "rain", Correct = false, ItemTags = new Dictionary<string, string>(), DeliveryMetadata = new Dictionary<string, string> { ["site"] = "north" } },
    ];

    [Fact]
    public void Schema_OfEachTable_IsTheSerializers()
    {
        Assert.Equal(Describe(typeof(ObjectFact).GetParquetSchema(false)), Describe(FactParquet.ObjectFile.Schema));
        Assert.Equal(Describe(typeof(TagFact).GetParquetSchema(false)), Describe(FactParquet.TagFile.Schema));
    }

    [Theory]
    [InlineData("front-lidar-cuboids.jsonl")]
    [InlineData("front-camera-tags.jsonl")]
    public async Task Serialize_SampleAudits_WritesTheSerializersBytes(string sample)
    {
        var facts = new FactCollector();
        await using (var stream = File.OpenRead(Repository.Sample(sample)))
        {
            await DeliveryAuditor.AuditAsync(stream, sample, CancellationToken.None, facts: facts);
        }

        foreach (var table in FactTable.All)
        {
            var written = await FactParquet.SerializeAsync(facts, Origin, table, CancellationToken.None);
            var serialized = table == FactTable.Objects
                ? await SerializeAsync(facts.Objects.Select(Origin.Stamp))
                : await SerializeAsync(facts.Tags.Select(Origin.Stamp));
            Assert.Equal(written is null ? null : serialized, written);
        }
    }

    [Fact]
    public async Task Write_NullEmptyAndFilledMapsAndNullValues_WritesTheSerializersBytesAndReadsBack()
    {
        var objects = await WriteAsync(FactParquet.ObjectFile, EdgeObjects);
        var tags = await WriteAsync(FactParquet.TagFile, EdgeTags);

        Assert.Equal(await SerializeAsync(EdgeObjects), objects);
        Assert.Equal(await SerializeAsync(EdgeTags), tags);
        Assert.Equal(EdgeObjects.Select(FactRows.Json), (await FactRows.ReadAsync<ObjectFact>(new MemoryStream(objects))).Select(FactRows.Json));
        Assert.Equal(EdgeTags.Select(FactRows.Json), (await FactRows.ReadAsync<TagFact>(new MemoryStream(tags))).Select(FactRows.Json));
    }

    [Fact]
    public async Task Write_MoreRowsThanAGroupHolds_WritesTheSerializersBytes()
    {
        var rows = Enumerable.Range(0, FactParquet.RowGroupRows + 1).Select(i => EdgeTags[i % EdgeTags.Length]).ToArray();

        Assert.Equal(await SerializeAsync(rows), await WriteAsync(FactParquet.TagFile, rows));
    }

    [Fact]
    public async Task WriteEmpty_EachTable_WritesTheSerializersBytes()
    {
        Assert.Equal(await SerializeAsync(Array.Empty<ObjectFact>()), await WriteEmptyAsync(FactTable.Objects));
        Assert.Equal(await SerializeAsync(Array.Empty<TagFact>()), await WriteEmptyAsync(FactTable.Tags));
    }

    private static async Task<byte[]> WriteAsync<TRow>(FactFileWriter<TRow> file, IEnumerable<TRow> rows)
    {
        using var buffer = new MemoryStream();
        await file.WriteAsync(rows, buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    private static async Task<byte[]> WriteEmptyAsync(string table)
    {
        using var buffer = new MemoryStream();
        await FactParquet.WriteEmptyAsync(table, buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    private static async Task<byte[]> SerializeAsync<TRow>(IEnumerable<TRow> rows)
    {
        using var buffer = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, buffer, SerializerOptions);
        return buffer.ToArray();
    }

    /// <summary>Every field, groups and leaves, with what the file stores of it: path, kind, type, nullability, levels.</summary>
    private static List<string> Describe(ParquetSchema schema)
    {
        var fields = new List<string>();
        void Add(Field field)
        {
            var type = field is DataField data ? data.ClrType.Name : "";
            fields.Add($"{field.Path} {field.SchemaType} {type} nullable={field.IsNullable} RL={field.MaxRepetitionLevel} DL={field.MaxDefinitionLevel}");
            if (field is MapField map)
            {
                Add(map.Key);
                Add(map.Value);
            }
        }

        foreach (var field in schema.Fields)
        {
            Add(field);
        }

        return fields;
    }
}
