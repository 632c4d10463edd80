using System.Text.Json;
using Parquet.Serialization;
using Quality.Domain.Facts;

namespace Quality.Pipeline.Tests.Facts;

/// <summary>Facts rows read back from Parquet with Parquet.Net, and compared by their JSON (maps compare by content).</summary>
internal static class FactRows
{
    public static async Task<IList<T>> ReadAsync<T>(Stream parquet) where T : class, new() =>
        (await ParquetSerializer.DeserializeAsync<T>(parquet)).Data;

    public static string Json(ObjectFact row) => JsonSerializer.Serialize(row);

    public static string Json(TagFact row) => JsonSerializer.Serialize(row);
}
