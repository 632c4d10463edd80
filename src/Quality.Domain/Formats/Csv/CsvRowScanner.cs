using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// The lines of a block of CSV rows with the places of their first separators, found 64 bytes at a time: each chunk's
/// separators and line ends become one bit mask (vector compares), whose set bits are the only bytes looked at. For
/// <see cref="RatingsCsvReader.ReadBlockInto"/>, which reads a row straight from these places when the block is
/// <see cref="Plain"/> and it has exactly three separators, instead of searching each row four times.
/// </summary>
internal ref struct CsvRowScanner
{
    private const int ChunkBytes = 64;
    private readonly ReadOnlySpan<byte> _data;
    private readonly byte _separator;
    private int _next;
    private int _chunk;
    private ulong _bits;

    public CsvRowScanner(ReadOnlySpan<byte> data, byte separator)
    {
        _data = data;
        _separator = separator;
        _bits = data.IsEmpty ? 0 : Structure(data, 0, separator);
    }

    /// <summary>The next line: bytes <paramref name="start"/> to <paramref name="end"/> (its '\n', or the block's end, excluded).</summary>
    /// <param name="separators">The separators in the line, counted up to four.</param>
    /// <param name="first">The first separator's place (when there is one); <paramref name="second"/> and <paramref name="third"/> alike.</param>
    /// <returns>False after the last line (a block that ends with '\n' has no line after it).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next(out int start, out int end, out int separators, out int first, out int second, out int third)
    {
        start = _next;
        end = first = second = third = -1;
        separators = 0;
        if (start >= _data.Length)
        {
            return false;
        }

        ref var data = ref MemoryMarshal.GetReference(_data);
        while (true)
        {
            while (_bits == 0)
            {
                _chunk += ChunkBytes;
                if (_chunk >= _data.Length)
                {
                    (end, _next) = (_data.Length, _data.Length);
                    return true;
                }

                _bits = Structure(_data, _chunk, _separator);
            }

            var at = _chunk + BitOperations.TrailingZeroCount(_bits);
            _bits &= _bits - 1;
            if (Unsafe.Add(ref data, at) == (byte)'\n')
            {
                (end, _next) = (at, at + 1);
                return true;
            }

            switch (separators)
            {
                case 0: first = at; break;
                case 1: second = at; break;
                case 2: third = at; break;
                default: break;
            }

            separators = Math.Min(separators + 1, 4);
        }
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

    /// <summary>Bit k set where byte <paramref name="chunk"/> + k is the separator or '\n' (64 bytes, fewer at the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Structure(ReadOnlySpan<byte> data, int chunk, byte separator)
    {
        if (chunk + ChunkBytes <= data.Length)
        {
            ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(data), chunk);
            var separators = Vector128.Create(separator);
            var lines = Vector128.Create((byte)'\n');
            ulong bits = 0;
            for (var k = 0; k < ChunkBytes / Vector128<byte>.Count; k++)
            {
                var bytes = Vector128.LoadUnsafe(ref at, (nuint)(k * Vector128<byte>.Count));
                var hits = Vector128.Equals(bytes, separators) | Vector128.Equals(bytes, lines);
                bits |= (ulong)hits.ExtractMostSignificantBits() << (k * Vector128<byte>.Count);
            }

            return bits;
        }

        ulong tail = 0;
        for (var k = 0; chunk + k < data.Length; k++)
        {
            var b = data[chunk + k];
            tail |= b == separator || b == (byte)'\n' ? 1ul << k : 0;
        }

        return tail;
    }
}
