using System.Globalization;
using Quality.Domain.Facts;

namespace Quality.Pipeline.Facts;

/// <summary>
/// Where facts live, in the <c>reports</c> container and in a local folder laid out like it:
/// <c>facts/pipeline={pipeline}/date={yyyy-MM-dd}/{table}-{batchId}-{shard}.parquet</c>. Hive-style partitions, so
/// DuckDB, Spark and Synapse prune by pipeline and date; the batch and shard in the name keep re-runs (same name, same
/// bytes) and shards (one file each) from colliding.
/// </summary>
public static class FactPaths
{
    public const string Root = "facts";

    /// <summary>The glob of one table's files below a folder laid out like the container (DuckDB, Synapse, Spark all read it).</summary>
    public static string Glob(string table) => $"{Root}/pipeline=*/date=*/{table}-*.parquet";

    public static string Folder(FactOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return string.Create(CultureInfo.InvariantCulture, $"{Root}/pipeline={origin.Pipeline}/date={origin.Date:yyyy-MM-dd}");
    }

    public static string File(FactOrigin origin, string table, int shard)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return string.Create(CultureInfo.InvariantCulture, $"{Folder(origin)}/{table}-{origin.BatchId}-{shard:D5}.parquet");
    }
}
