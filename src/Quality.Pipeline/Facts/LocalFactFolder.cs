using Quality.Domain.Facts;

namespace Quality.Pipeline.Facts;

/// <summary>
/// Facts written to a local folder laid out like the <c>reports</c> container (<see cref="FactPaths"/>): what
/// <c>quality audit --facts</c> writes and <c>quality query --facts</c> reads, with the pipeline's own writer.
/// </summary>
public static class LocalFactFolder
{
    /// <returns>The files written (none for a table without rows).</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, FactOrigin origin, FactCollector facts, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (var table in FactTable.All)
        {
            if (await FactParquet.SerializeAsync(facts, origin, table, cancellationToken) is not { } bytes)
            {
                continue;
            }

            var path = Path.Combine(folder, FactPaths.File(origin, table, shard: 0));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            written.Add(path);
        }

        return written;
    }
}
