using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Quality.Domain.Audit;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// The numbers of a row's annotator, field and value (<see cref="TagTable.Numbers"/>) remembered by the row's bytes after
/// its item, <c>annotator,field,value</c>, when they are at most 16: a ratings table repeats a few dozen of these on
/// every row, and one compare of 16 bytes finds them instead of three names looked up and two numbers checked.
/// </summary>
/// <remarks>
/// Direct-mapped, one entry per slot, the key the bytes zero-padded (a plain row holds no NUL, so no two tails share a
/// key, and no tail is the empty key). For one <see cref="TagTable"/>: numbers once given never change, so a hit is what
/// <see cref="TagTable.Numbers"/> would return; a miss asks it, so every first sight of a name, a column or a (field,
/// value) pair, and its check, happens on the row it happened on before.
/// </remarks>
internal sealed class TagNumbersCache
{
    private const int SlotBits = 8;
    private readonly Entry[] _entries = new Entry[1 << SlotBits];

    /// <summary>The key of <paramref name="length"/> bytes at <paramref name="start"/> of <paramref name="data"/>; false when they are more than 16 or fewer than 16 bytes follow <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryKey(ReadOnlySpan<byte> data, int start, int length, out (ulong Low, ulong High) key)
    {
        if (length > 2 * sizeof(ulong) || start + 2 * sizeof(ulong) > data.Length)
        {
            key = default;
            return false;
        }

        key = Words(ref Unsafe.Add(ref MemoryMarshal.GetReference(data), start), length);
        return true;
    }

    /// <summary>
    /// The <paramref name="length"/> bytes (1 to 16) at <paramref name="at"/> as two little-endian words, zero-padded;
    /// 16 bytes are read from <paramref name="at"/> (the caller has checked that they are there).
    /// </summary>
    /// <remarks>
    /// Two words read and masked, not a vector: a vector's upper half is taken out through memory by code compiled for any
    /// x64. Bytes without a NUL (a plain cell's) compare as these words do: equal when the words are, and in ordinal order
    /// as the words' big-endian values (<see cref="RatingsCsvReader"/> compares items so).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (ulong Low, ulong High) Words(ref byte at, int length)
    {
        var low = Unsafe.ReadUnaligned<ulong>(ref at);
        var high = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, sizeof(ulong)));
        if (!BitConverter.IsLittleEndian)
        {
            (low, high) = (BinaryPrimitives.ReverseEndianness(low), BinaryPrimitives.ReverseEndianness(high));
        }

        return length > sizeof(ulong) ? (low, high & Mask(length - sizeof(ulong))) : (low & Mask(length), 0);
    }

    /// <summary>The low <paramref name="bytes"/> bytes (1 to 8) of a little-endian word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(int bytes) => ulong.MaxValue >> (8 * (sizeof(ulong) - bytes));

    /// <summary>
    /// The numbers of the row whose tail is <paramref name="key"/>, its annotator, field and value ending before the
    /// separators at <paramref name="second"/>, <paramref name="third"/> and the row's end <paramref name="end"/> of
    /// <paramref name="rows"/>, asking <paramref name="table"/> (and remembering its answer) when they are not here.
    /// </summary>
    /// <exception cref="DeliveryFormatException">As <see cref="TagTable.Numbers"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TagTable.TagNumbers Numbers(
        (ulong Low, ulong High) key, TagTable table, ReadOnlySpan<byte> rows, int first, int second, int third, int end, long line)
    {
        var slot = (int)(((key.Low + key.High) * 0x9E3779B97F4A7C15ul) >> (64 - SlotBits)); // one multiply: two tails of one sum share a slot, and are asked for again
        ref var entry = ref _entries[slot];
        return entry.Key == key ? entry.Numbers : Miss(ref entry, key, table, rows, first, second, third, end, line);
    }

    /// <summary>Asks <paramref name="table"/> and keeps its answer in <paramref name="entry"/>; out of line, so that the hit stays small.</summary>
    private static TagTable.TagNumbers Miss(
        ref Entry entry, (ulong Low, ulong High) key, TagTable table, ReadOnlySpan<byte> rows, int first, int second, int third, int end, long line)
    {
        var numbers = table.Numbers(rows[(first + 1)..second], rows[(second + 1)..third], rows[(third + 1)..end], line);
        entry = new Entry(key, numbers);
        return numbers;
    }

    private readonly record struct Entry((ulong Low, ulong High) Key, TagTable.TagNumbers Numbers);
}
