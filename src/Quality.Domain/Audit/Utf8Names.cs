using System.Runtime.CompilerServices;
using Quality.Domain.Agreement;

namespace Quality.Domain.Audit;

/// <summary>
/// UTF-8 names numbered in first-seen order (<see cref="SequenceSet{T}"/>), with a small direct-mapped cache of the
/// names of at most seven bytes, which a table repeats on every row (annotators, fields, categories): such a name is
/// found by one compare of eight bytes instead of a hash and a probe.
/// </summary>
internal sealed class Utf8Names
{
    private const int CacheBits = 6;
    private readonly SequenceSet<byte> _names = new();
    private readonly ulong[] _keys = new ulong[1 << CacheBits];
    private readonly int[] _numbers = new int[1 << CacheBits];

    public int Count => _names.Count;

    public ReadOnlySpan<byte> this[int number] => _names[number];

    /// <summary>The name's number, numbering it now if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Number(ReadOnlySpan<byte> name)
    {
        if (name.Length > 7)
        {
            return _names.Add(name);
        }

        // The bytes and the length in one word: names hold no NUL (a control character), so no two share a key.
        var key = (ulong)name.Length << 56;
        for (var i = 0; i < name.Length; i++)
        {
            key |= (ulong)name[i] << (8 * i);
        }

        var slot = (int)((key * 0x9E3779B97F4A7C15ul) >> (64 - CacheBits));
        if (_keys[slot] == key && _numbers[slot] != 0)
        {
            return _numbers[slot] - 1;
        }

        var number = _names.Add(name);
        (_keys[slot], _numbers[slot]) = (key, number + 1);
        return number;
    }
}
