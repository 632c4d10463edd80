using Quality.Domain.Facts;
using ObjectColumn = Quality.Pipeline.Facts.FactColumn<Quality.Domain.Facts.ObjectFact>;
using TagColumn = Quality.Pipeline.Facts.FactColumn<Quality.Domain.Facts.TagFact>;

namespace Quality.Pipeline.Facts;

/// <summary>
/// A shard's facts as Parquet files, one per table, each row stamped with its batch. Row groups hold at most
/// <see cref="RowGroupRows"/> rows, so a reader (and this writer) holds one group's columns at a time.
/// </summary>
/// <remarks>
/// The columns are those Parquet.Net's row serializer makes of <see cref="ObjectFact"/> and <see cref="TagFact"/> (names
/// from their JSON names, in declaration order; strings and nullable values optional; maps of strings), and the files
/// are the serializer's byte for byte (FactFileWriterTests) — but written column by column, as the serializer's code
/// made at run time cannot be in the natively compiled command.
/// </remarks>
public static class FactParquet
{
    public const int RowGroupRows = 50_000;

    internal static readonly FactFileWriter<ObjectFact> ObjectFile = new(
        ObjectColumn.Text("batch_id", o => o.BatchId),
        ObjectColumn.Text("delivery_id", o => o.DeliveryId),
        ObjectColumn.Text("vendor", o => o.Vendor),
        ObjectColumn.Text("item", o => o.Item),
        ObjectColumn.Text("data_type", o => o.DataType),
        ObjectColumn.Text("annotator", o => o.Annotator),
        ObjectColumn.Text("annotator_object", o => o.AnnotatorObject),
        ObjectColumn.Text("gold_annotator", o => o.GoldAnnotator),
        ObjectColumn.Text("gold_object", o => o.GoldObject),
        ObjectColumn.Text("outcome", o => o.Outcome),
        ObjectColumn.Text("error_kind", o => o.ErrorKind),
        ObjectColumn.Text("class", o => o.Class),
        ObjectColumn.Text("gold_class", o => o.GoldClass),
        ObjectColumn.Text("annotator_class", o => o.AnnotatorClass),
        ObjectColumn.Number("iou", o => o.Iou),
        ObjectColumn.Text("attribute_differences", o => o.AttributeDifferences),
        ObjectColumn.Number("range_m", o => o.RangeM),
        ObjectColumn.Text("range_bin", o => o.RangeBin),
        ObjectColumn.Number("size", o => o.Size),
        ObjectColumn.Text("size_bin", o => o.SizeBin),
        ObjectColumn.Map("attributes", o => o.Attributes),
        ObjectColumn.Map("item_tags", o => o.ItemTags),
        ObjectColumn.Map("delivery_metadata", o => o.DeliveryMetadata));

    internal static readonly FactFileWriter<TagFact> TagFile = new(
        TagColumn.Text("batch_id", t => t.BatchId),
        TagColumn.Text("delivery_id", t => t.DeliveryId),
        TagColumn.Text("vendor", t => t.Vendor),
        TagColumn.Text("item", t => t.Item),
        TagColumn.Text("field", t => t.Field),
        TagColumn.Text("annotator", t => t.Annotator),
        TagColumn.Text("value", t => t.Value),
        TagColumn.Text("gold_value", t => t.GoldValue),
        TagColumn.Flag("correct", t => t.Correct),
        TagColumn.Map("item_tags", t => t.ItemTags),
        TagColumn.Map("delivery_metadata", t => t.DeliveryMetadata));

    /// <summary>The table's file content, or null when the shard has no row of it (no file is written then).</summary>
    public static async Task<byte[]?> SerializeAsync(FactCollector facts, FactOrigin origin, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(origin);
        // Parquet.Net seeks back to write the footer: each file is built in memory, a shard's worth at most.
        using var buffer = new MemoryStream();
        switch (table)
        {
            case FactTable.Objects when facts.Objects.Count > 0:
                await ObjectFile.WriteAsync(facts.Objects.Select(origin.Stamp), buffer, cancellationToken);
                break;
            case FactTable.Tags when facts.Tags.Count > 0:
                await TagFile.WriteAsync(facts.Tags.Select(origin.Stamp), buffer, cancellationToken);
                break;
            case FactTable.Objects or FactTable.Tags:
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table, "A facts table is objects or tags.");
        }

        return buffer.ToArray();
    }

    /// <summary>An empty file of the table: what a query reads when no batch has written the table yet.</summary>
    public static async Task WriteEmptyAsync(string table, Stream destination, CancellationToken cancellationToken)
    {
        if (table == FactTable.Objects)
        {
            await ObjectFile.WriteAsync([], destination, cancellationToken);
        }
        else
        {
            await TagFile.WriteAsync([], destination, cancellationToken);
        }
    }
}
