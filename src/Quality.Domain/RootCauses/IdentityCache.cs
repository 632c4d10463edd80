using System.Runtime.CompilerServices;

namespace Quality.Domain.RootCauses;

/// <summary>
/// A small direct-mapped cache in front of a string-keyed dictionary, keyed by the identity of one or two strings and a
/// number: a hit costs two reference compares instead of hashing the texts. The evidence rows of one reader repeat the
/// same few string instances (its pooled classes, attribute values and annotators, the bins' labels), so nearly every
/// lookup hits; a miss (another instance of the same text, or a slot taken by another key) falls back to the dictionary
/// and takes the slot. Fixed size: memory does not grow with the rows, and a value is only ever what the dictionary gave
/// for an equal key.
/// </summary>
internal sealed class IdentityCache<TValue>
{
    private const int SlotBits = 9;

    private const int Slots = 1 << SlotBits;

    private readonly Entry[] _entries = new Entry[Slots];

    public bool TryGet(string first, string? second, int number, out TValue value)
    {
        ref var entry = ref _entries[Slot(first, second, number)];
        if (ReferenceEquals(entry.First, first) && ReferenceEquals(entry.Second, second) && entry.Number == number)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string first, string? second, int number, TValue value) =>
        _entries[Slot(first, second, number)] = new Entry(first, second, number, value);

    /// <summary>A multiplicative (Fibonacci) mix of the identities and the number, its top bits: cheaper than <see cref="HashCode"/>, spread enough for a cache.</summary>
    private static int Slot(string first, string? second, int number)
    {
        var mixed = ((uint)RuntimeHelpers.GetHashCode(first) * 0x9E3779B1u) ^ ((uint)(second is null ? 0 : RuntimeHelpers.GetHashCode(second)) * 0x85EBCA77u) ^ ((uint)number * 0xC2B2AE3Du);
        return (int)((mixed * 0x9E3779B1u) >> (32 - SlotBits));
    }

    private readonly record struct Entry(string? First, string? Second, int Number, TValue Value);
}
