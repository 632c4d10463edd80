using System.Numerics;
using System.Runtime.CompilerServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// The patterns of a <see cref="RatingPatterns"/> found by one 64-bit integer each: annotator a's value number v is held
/// as v + 1 in bits [a·w, (a + 1)·w), 0 where the annotator gave no value, w the bits that hold the largest value number
/// + 1 (at least 4). One slot per annotator, so two patterns pack alike only if they are equal, and a unit's pairs pack
/// alike in any order: a unit is found without sorting its pairs or hashing a sequence.
/// </summary>
/// <remarks>
/// The layout holds 64 / w annotators and 2^w − 1 values (16 × 15 to start); <see cref="RatingPatterns"/> asks
/// <see cref="For"/> for a wider one when a unit does not fit, and keeps to its general path once none fits.
/// Open addressing with linear probing on a power-of-two table, load at most three quarters: a ratings table read in
/// blocks makes one of these per block (13 for the 108 MB table), and at one half they took a fifth of all it allocated.
/// </remarks>
internal sealed class PackedPatterns
{
    private const int MinimumBits = 4;
    private readonly int _bits;
    private readonly int _annotators;
    private readonly ulong _largestValue;
    private Entry[] _slots = new Entry[64];
    private int _shift = 64 - 6;
    private int _count;

    public PackedPatterns()
        : this(MinimumBits)
    {
    }

    private PackedPatterns(int bits)
    {
        _bits = bits;
        _annotators = 64 / bits;
        _largestValue = (1ul << bits) - 1;
    }

    /// <summary>
    /// A layout for <paramref name="annotators"/> annotators and <paramref name="values"/> values holding every pattern of
    /// <paramref name="patterns"/> (numbered as there); null when they do not fit 64 bits.
    /// </summary>
    public static PackedPatterns? For(int annotators, int values, SequenceSet<int> patterns)
    {
        var bits = Math.Max(MinimumBits, 32 - BitOperations.LeadingZeroCount((uint)values));
        if ((long)annotators * bits > 64)
        {
            return null;
        }

        var packed = new PackedPatterns(bits);
        for (var p = 0; p < patterns.Count; p++)
        {
            var pairs = patterns[p];
            ulong key = 0;
            for (var i = 0; i < pairs.Length; i += 2)
            {
                key |= (ulong)(pairs[i + 1] + 1) << (pairs[i] * bits);
            }

            packed.Add(key, p);
        }

        return packed;
    }

    /// <summary>The unit of (annotator ≪ 32 | value) keys packed; false when an annotator or value is beyond the layout.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPack(ReadOnlySpan<long> keys, out ulong packed)
    {
        packed = 0;
        foreach (var key in keys)
        {
            var annotator = (int)(key >> 32);
            var value = (ulong)(uint)key + 1;
            if (annotator >= _annotators || value > _largestValue)
            {
                return false;
            }

            packed |= value << (annotator * _bits);
        }

        return true;
    }

    /// <summary>The number of the pattern packed as <paramref name="packed"/>; −1 when it is not here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong packed)
    {
        var mask = _slots.Length - 1;
        for (var slot = Slot(packed); _slots[slot].Index != 0; slot = (slot + 1) & mask)
        {
            if (_slots[slot].Key == packed)
            {
                return _slots[slot].Index - 1;
            }
        }

        return -1;
    }

    /// <summary>Adds pattern number <paramref name="index"/>, packed as <paramref name="packed"/>, which is not here.</summary>
    /// <remarks>Called for every new pattern of a table and of each block merged: compiled optimised at first call.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ulong packed, int index)
    {
        if (4 * (_count + 1) > 3 * _slots.Length)
        {
            Grow();
        }

        Place(packed, index);
        _count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Place(ulong packed, int index)
    {
        var mask = _slots.Length - 1;
        var slot = Slot(packed);
        while (_slots[slot].Index != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = new Entry(packed, index + 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Grow()
    {
        var slots = _slots;
        (_slots, _shift) = (new Entry[2 * slots.Length], _shift - 1);
        foreach (var entry in slots)
        {
            if (entry.Index != 0)
            {
                Place(entry.Key, entry.Index - 1);
            }
        }
    }

    /// <summary>Fibonacci hashing: the top bits of the key times 2⁶⁴/φ, which spreads keys that differ in low bits only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong packed) => (int)((packed * 0x9E3779B97F4A7C15ul) >> _shift);

    /// <summary>A slot: the packed pattern and its number + 1 (0: empty), side by side so a probe reads one cache line.</summary>
    private readonly record struct Entry(ulong Key, int Index);
}
