using Parquet;
using Parquet.Serialization;
using Quality.Domain.Facts;

namespace Quality.Pipeline.Facts;

/// <summary>
/// A shard's facts as Parquet files, one per table, each row stamped with its batch. Row groups hold at most
/// <see cref="RowGroupRows"/> rows, so a reader (and this writer) holds one group's columns at a time.
/// </summary>
public static class FactParquet
{
    public const int RowGroupRows = 50_000;

    private static readonly ParquetOptions Options = new() { RowGroupSize = RowGroupRows };

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
                await ParquetSerializer.SerializeAsync(facts.Objects.Select(origin.Stamp), buffer, Options, cancellationToken: cancellationToken);
                break;
            case FactTable.Tags when facts.Tags.Count > 0:
                await ParquetSerializer.SerializeAsync(facts.Tags.Select(origin.Stamp), buffer, Options, cancellationToken: cancellationToken);
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
            await ParquetSerializer.SerializeAsync(Array.Empty<ObjectFact>(), destination, Options, cancellationToken: cancellationToken);
        }
        else
        {
            await ParquetSerializer.SerializeAsync(Array.Empty<TagFact>(), destination, Options, cancellationToken: cancellationToken);
        }
    }
}
