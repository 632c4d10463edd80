using System.Numerics;

namespace Quality.Domain.Agreement;

/// <summary>
/// A set of int sequences numbered in insertion order, all stored in one flat array: the key store of
/// <see cref="RatingPatterns"/> (interned annotator → value pairs) and <see cref="PairableUnits"/> (sorted points).
/// </summary>
/// <remarks>Open addressing with linear probing on a power-of-two table, load at most one half; no allocation per sequence.</remarks>
internal sealed class IntSequenceSet
{
    private int[] _items = new int[64];
    private int[] _start = new int[17];
    private int[] _hashes = new int[16];
    private int[] _slots = new int[32];

    /// <summary>Distinct sequences added.</summary>
    public int Count { get; private set; }

    /// <summary>Sequence number <paramref name="index"/>.</summary>
    public ReadOnlySpan<int> this[int index] => _items.AsSpan(_start[index], _start[index + 1] - _start[index]);

    /// <summary>The number of <paramref name="sequence"/>, adding it if new (then it is <see cref="Count"/> − 1).</summary>
    public int Add(ReadOnlySpan<int> sequence)
    {
        var hash = Hash(sequence);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (var entry = _slots[slot]; entry != 0; entry = _slots[slot])
        {
            if (_hashes[entry - 1] == hash && this[entry - 1].SequenceEqual(sequence))
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        var index = Count;
        var end = _start[index] + sequence.Length;
        if (end > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(end, 2 * _items.Length));
        }

        if (index + 2 > _start.Length)
        {
            Array.Resize(ref _start, 2 * _start.Length);
            Array.Resize(ref _hashes, _start.Length);
        }

        sequence.CopyTo(_items.AsSpan(_start[index]));
        _start[index + 1] = end;
        _hashes[index] = hash;
        _slots[slot] = index + 1;
        Count++;
        if (2 * Count > _slots.Length)
        {
            Rehash();
        }

        return index;
    }

    /// <summary>The sequence numbers in lexicographic order of the sequences (a prefix first).</summary>
    public int[] LexicographicOrder()
    {
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => this[a].SequenceCompareTo(this[b]));
        return order;
    }

    private void Rehash()
    {
        _slots = new int[2 * _slots.Length];
        var mask = _slots.Length - 1;
        for (var index = 0; index < Count; index++)
        {
            var slot = _hashes[index] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = index + 1;
        }
    }

    /// <summary>A murmur3-style mix of the elements, non-negative.</summary>
    private static int Hash(ReadOnlySpan<int> sequence)
    {
        var hash = (uint)sequence.Length * 0x9E3779B1u;
        foreach (var item in sequence)
        {
            hash = BitOperations.RotateLeft(hash ^ ((uint)item * 0xCC9E2D51u), 13) * 5 + 0xE6546B64u;
        }

        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        return (int)(hash & int.MaxValue);
    }
}
