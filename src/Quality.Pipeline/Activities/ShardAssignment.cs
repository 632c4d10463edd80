using System.Text;

namespace Quality.Pipeline.Activities;

/// <summary>
/// Which shard an item belongs to: a stable hash of its id (FNV-1a, 64 bit), so every annotation of an item lands
/// in the same shard in any process. (string.GetHashCode is randomised per process and cannot be used.)
/// </summary>
public static class ShardAssignment
{
    public static int ShardOf(string item, int shards)
    {
        ArgumentNullException.ThrowIfNull(item);
        Span<byte> buffer = stackalloc byte[256];
        return ShardOf(Encoding.UTF8.GetByteCount(item) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(item, buffer)] : Encoding.UTF8.GetBytes(item), shards);
    }

    /// <summary>The shard of the item whose id is <paramref name="itemUtf8"/> in UTF-8 (as a validated line holds it).</summary>
    public static int ShardOf(ReadOnlySpan<byte> itemUtf8, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        const ulong Offset = 14695981039346656037;
        const ulong Prime = 1099511628211;
        var hash = Offset;
        foreach (var b in itemUtf8)
        {
            hash = (hash ^ b) * Prime;
        }

        return (int)(hash % (ulong)shards);
    }

    /// <summary>Shards for a delivery of <paramref name="size"/> bytes: about one per target size, at least one.</summary>
    public static int ShardCount(long size, long targetBytes, int maxShards) =>
        (int)Math.Clamp((size + targetBytes - 1) / Math.Max(1, targetBytes), 1, maxShards);
}
