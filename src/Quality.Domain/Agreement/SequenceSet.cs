using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Quality.Domain.Agreement;

/// <summary>
/// A set of sequences numbered in insertion order, all stored in one flat array: the key store of
/// <see cref="RatingPatterns"/> (interned annotator → value pairs) and <see cref="PairableUnits"/> (sorted points), and
/// the interner of UTF-8 names of <see cref="Audit.TagTable"/> (byte sequences).
/// </summary>
/// <remarks>Open addressing with linear probing on a power-of-two table, load at most one half; no allocation per sequence.</remarks>
internal sealed class SequenceSet<T>
    where T : unmanaged, IEquatable<T>, IComparable<T>
{
    private T[] _items = new T[64];
    private int[] _start = new int[17];
    private int[] _hashes = new int[16];
    private int[] _slots = new int[32];

    /// <summary>Sequences 0 … this − 1 are in <see cref="_slots"/>; those after were added by <see cref="AddNew"/>.</summary>
    private int _indexed;

    /// <summary>Distinct sequences added.</summary>
    public int Count { get; private set; }

    /// <summary>Sequence number <paramref name="index"/>.</summary>
    public ReadOnlySpan<T> this[int index] => _items.AsSpan(_start[index], _start[index + 1] - _start[index]);

    /// <summary>The number of <paramref name="sequence"/>, adding it if new (then it is <see cref="Count"/> − 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(ReadOnlySpan<T> sequence)
    {
        if (_indexed < Count)
        {
            Rehash();
        }

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

        var index = Append(sequence, hash);
        _slots[slot] = index + 1;
        _indexed = Count;
        if (2 * Count > _slots.Length)
        {
            Rehash();
        }

        return index;
    }

    /// <summary>Removes every sequence, keeping the arrays: a set used again grows no more than it already has.</summary>
    public void Clear()
    {
        Count = 0;
        _indexed = 0;
        Array.Clear(_slots);
    }

    /// <summary>
    /// Adds a sequence the caller knows is not in the set (e.g. the next of keys read in ascending order), without
    /// looking it up: the table of slots is rebuilt only when <see cref="Add"/> next needs it.
    /// </summary>
    /// <remarks>Nor is it hashed: <see cref="Rehash"/> hashes it when a lookup first needs it (a set filled this way, as items read in ascending order or packed patterns are, never does).</remarks>
    public int AddNew(ReadOnlySpan<T> sequence) => Append(sequence, 0);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Append(ReadOnlySpan<T> sequence, int hash)
    {
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
        Count++;
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

    /// <summary>A table of slots at most half full for every sequence.</summary>
    /// <remarks>Called a few times as the set grows, each a loop over every sequence: compiled optimised at first call.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Rehash()
    {
        var size = _slots.Length;
        while (size < 2 * Count + 2)
        {
            size *= 2;
        }

        for (var index = _indexed; index < Count; index++)
        {
            _hashes[index] = Hash(this[index]);
        }

        _slots = new int[size];
        _indexed = Count;
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

    /// <summary>A multiply-rotate mix of the sequence's bytes, eight at a time, non-negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<T> sequence)
    {
        var bytes = MemoryMarshal.AsBytes(sequence);
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15ul;
        for (; bytes.Length >= 8; bytes = bytes[8..])
        {
            hash = BitOperations.RotateLeft(hash ^ (BinaryPrimitives.ReadUInt64LittleEndian(bytes) * 0xC2B2AE3D27D4EB4Ful), 31) * 0x9E3779B97F4A7C15ul;
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = BitOperations.RotateLeft(hash ^ (tail * 0xC2B2AE3D27D4EB4Ful), 31) * 0x9E3779B97F4A7C15ul;
        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9ul;
        hash ^= hash >> 32;
        return (int)(hash & int.MaxValue);
    }
}
