using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// The lines of a block of CSV rows with the places of their first separators, found by vector compares of the bytes
/// from a line's start: the '\n' is the lowest bit of one mask, the separators the bits of another below it. For
/// <see cref="RatingsCsvReader.ReadBlockInto"/>, which reads a row straight from these places when the block is
/// <see cref="Plain"/> and it has exactly three separators, instead of searching each row four times.
/// </summary>
internal ref struct CsvRowScanner
{
    /// <summary>Bytes compared at once from a line's start: a line whose '\n' is among them is found by one <see cref="Masks"/>.</summary>
    internal const int Window = 2 * 16;
    private readonly ReadOnlySpan<byte> _data;
    private readonly byte _separator;
    private int _next;

    /// <param name="start">Where the first line starts (0, or the start of a line).</param>
    public CsvRowScanner(ReadOnlySpan<byte> data, byte separator, int start = 0)
    {
        _data = data;
        _separator = separator;
        _next = start;
    }

    /// <summary>The next line: bytes <paramref name="start"/> to <paramref name="end"/> (its '\n', or the block's end, excluded).</summary>
    /// <param name="separators">The separators in the line, counted up to four.</param>
    /// <param name="first">The first separator's place when there is one; <paramref name="second"/> and <paramref name="third"/> alike.</param>
    /// <returns>False after the last line (a block that ends with '\n' has no line after it).</returns>
    /// <remarks>
    /// A line whose '\n' is among the 32 or 64 bytes from its start (every line of a ratings table with names of usual
    /// length) is found by compares of those bytes at once, its separators by the bits of their mask below the '\n';
    /// a longer one by searching.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out int start, out int end, out int separators, out int first, out int second, out int third)
    {
        start = _next;
        if (start >= _data.Length)
        {
            (end, separators, first, second, third) = (-1, 0, -1, -1, -1);
            return false;
        }

        ulong lines = 0, cuts = 0;
        if (start + Window <= _data.Length)
        {
            (lines, cuts) = Masks(_data, start, _separator);
            if (lines == 0 && start + 2 * Window <= _data.Length)
            {
                var (moreLines, moreCuts) = Masks(_data, start + Window, _separator);
                (lines, cuts) = (moreLines << Window, cuts | (moreCuts << Window));
            }
        }

        if (lines != 0)
        {
            var length = BitOperations.TrailingZeroCount(lines);
            cuts &= (1ul << length) - 1;
            separators = Math.Min(BitOperations.PopCount(cuts), 4);
            first = start + BitOperations.TrailingZeroCount(cuts);
            cuts &= cuts - 1;
            second = start + BitOperations.TrailingZeroCount(cuts);
            cuts &= cuts - 1;
            third = start + BitOperations.TrailingZeroCount(cuts);
            end = start + length;
        }
        else
        {
            var line = _data[start..].IndexOf((byte)'\n');
            end = line < 0 ? _data.Length : start + line;
            (separators, first, second, third) = (0, -1, -1, -1);
            for (var at = start; separators < 4 && _data[at..end].IndexOf(_separator) is var next and >= 0; at += next + 1)
            {
                switch (++separators)
                {
                    case 1: first = at + next; break;
                    case 2: second = at + next; break;
                    case 3: third = at + next; break;
                    default: break;
                }
            }
        }

        _next = end + 1;
        return true;
    }

    /// <summary>The '\n' and separator bits of the 32 bytes from <paramref name="at"/> (which the caller has checked are in <paramref name="data"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (ulong Lines, ulong Separators) Masks(ReadOnlySpan<byte> data, int at, byte separator) =>
        Masks(data, at, Vector128.Create(separator));

    /// <summary>As <see cref="Masks(ReadOnlySpan{byte}, int, byte)"/>, the separator in every byte of <paramref name="separators"/> (made once, out of a loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (ulong Lines, ulong Separators) Masks(ReadOnlySpan<byte> data, int at, Vector128<byte> separators)
    {
        ref var bytes = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), at);
        var low = Vector128.LoadUnsafe(ref bytes);
        var high = Vector128.LoadUnsafe(ref bytes, (nuint)Vector128<byte>.Count);
        var lineEnds = Vector128.Create((byte)'\n');
        var lines = Vector128.Equals(low, lineEnds).ExtractMostSignificantBits() | (Vector128.Equals(high, lineEnds).ExtractMostSignificantBits() << 16);
        var cuts = Vector128.Equals(low, separators).ExtractMostSignificantBits() | (Vector128.Equals(high, separators).ExtractMostSignificantBits() << 16);
        return (lines, cuts);
    }

    /// <summary>
    /// Whether every byte of <paramref name="block"/> is one that a plain cell may hold (printable ASCII but '"'), the
    /// separator, '\n', or a '\r' before a '\n' or at the end: then a row of three separators whose cells are 1 to 256 bytes
    /// is plain (each cell passes <see cref="RatingsCsvReader"/>'s checks as it is), with nothing else to look at.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Plain(ReadOnlySpan<byte> block, byte separator)
    {
        ref var data = ref MemoryMarshal.GetReference(block);
        var separators = Vector128.Create(separator);
        var bad = Vector128<byte>.Zero;
        var i = 0;
        for (; i + Vector128<byte>.Count < block.Length; i += Vector128<byte>.Count)
        {
            var bytes = Vector128.LoadUnsafe(ref data, (nuint)i);
            var after = Vector128.LoadUnsafe(ref data, (nuint)i + 1);
            var outside = Vector128.GreaterThan(bytes - Vector128.Create((byte)0x20), Vector128.Create((byte)(0x7E - 0x20)))
                | Vector128.Equals(bytes, Vector128.Create((byte)'"'));
            var allowed = Vector128.Equals(bytes, Vector128.Create((byte)'\n'))
                | Vector128.Equals(bytes, separators)
                | (Vector128.Equals(bytes, Vector128.Create((byte)'\r')) & Vector128.Equals(after, Vector128.Create((byte)'\n')));
            bad |= Vector128.AndNot(outside, allowed);
        }

        if (bad != Vector128<byte>.Zero)
        {
            return false;
        }

        for (; i < block.Length; i++)
        {
            var b = block[i];
            var plain = b is >= 0x20 and <= 0x7E and not (byte)'"' || b == (byte)'\n' || b == separator
                || b == (byte)'\r' && (i + 1 == block.Length || block[i + 1] == (byte)'\n');
            if (!plain)
            {
                return false;
            }
        }

        return true;
    }
}
