using System.Buffers.Binary;
using System.Runtime.CompilerServices;
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
    private readonly (ulong Low, ulong High)[] _keys = new (ulong, ulong)[1 << SlotBits];
    private readonly TagTable.TagNumbers[] _numbers = new TagTable.TagNumbers[1 << SlotBits];

    /// <summary>The key of <paramref name="length"/> bytes at <paramref name="start"/> of <paramref name="data"/>; false when they are more than 16 or fewer than 16 bytes follow <paramref name="start"/>.</summary>
    /// <remarks>Two words read and masked, not a vector: a vector's upper half is taken out through memory by code compiled for any x64.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryKey(ReadOnlySpan<byte> data, int start, int length, out (ulong Low, ulong High) key)
    {
        if (length > 2 * sizeof(ulong) || start + 2 * sizeof(ulong) > data.Length)
        {
            key = default;
            return false;
        }

        var low = BinaryPrimitives.ReadUInt64LittleEndian(data[start..]);
        var high = BinaryPrimitives.ReadUInt64LittleEndian(data[(start + sizeof(ulong))..]);
        key = length > sizeof(ulong) ? (low, high & Mask(length - sizeof(ulong))) : (low & Mask(length), 0);
        return true;
    }

    /// <summary>The low <paramref name="bytes"/> bytes (1 to 8) of a little-endian word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(int bytes) => ulong.MaxValue >> (8 * (sizeof(ulong) - bytes));

    /// <summary>The numbers of the row whose tail is <paramref name="key"/>, asking <paramref name="table"/> (and remembering its answer) when they are not here.</summary>
    /// <exception cref="DeliveryFormatException">As <see cref="TagTable.Numbers"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TagTable.TagNumbers Numbers(
        (ulong Low, ulong High) key, TagTable table, ReadOnlySpan<byte> annotator, ReadOnlySpan<byte> field, ReadOnlySpan<byte> value, long line)
    {
        var slot = (int)(((key.Low * 0x9E3779B97F4A7C15ul) ^ (key.High * 0xC2B2AE3D27D4EB4Ful)) >> (64 - SlotBits));
        if (_keys[slot] == key)
        {
            return _numbers[slot];
        }

        var numbers = table.Numbers(annotator, field, value, line);
        (_keys[slot], _numbers[slot]) = (key, numbers);
        return numbers;
    }
}
