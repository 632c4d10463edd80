using Quality.Domain.Annotations;

namespace Quality.Domain.RootCauses;

/// <summary>
/// The levels of gold comparison outcomes (<see cref="ObjectStrata.Levels"/>), one read-only dictionary for every outcome
/// whose levels are the same string instances in the same order. A delivery's ~120,000 outcomes fall in a few thousand
/// combinations of class, annotator, attributes and range and size bins, whose strings the readers and bins share: a
/// dictionary and array each was a fifth of what the evidence rows allocated.
/// </summary>
/// <remarks>
/// Direct-mapped and of fixed size, like <see cref="IdentityCache{TValue}"/>: a list is matched entry for entry by the
/// identity of its strings, so a dictionary handed out always holds exactly the levels asked for; a miss (a
/// new combination, another instance of the same text, or a slot taken by another list) builds one and takes the slot.
/// For one thread at a time.
/// </remarks>
internal sealed class StrataLevelsPool
{
    private const int SlotBits = 12;

    private readonly CompactDictionary?[] _slots = new CompactDictionary?[1 << SlotBits];

    /// <summary>Each attribute's stratum by the attribute's name: one instance for the audit, not one per item.</summary>
    private readonly Dictionary<string, string> _attributeStrata = new(StringComparer.Ordinal);

    /// <summary>A dictionary of exactly <paramref name="levels"/> (distinct names, in order), shared with earlier outcomes of the same.</summary>
    public CompactDictionary Of(ReadOnlySpan<KeyValuePair<string, string>> levels)
    {
        ref var slot = ref _slots[Slot(levels)];
        if (slot is { } held && SameInstances(held.AsSpan(), levels))
        {
            return held;
        }

        return slot = new CompactDictionary(levels.ToArray());
    }

    /// <summary>The stratum of an attribute (<c>attribute.{name}</c>), the same instance for every outcome this pool is given.</summary>
    public string AttributeStratum(string name)
    {
        if (!_attributeStrata.TryGetValue(name, out var stratum))
        {
            _attributeStrata[name] = stratum = StratumNames.AttributePrefix + name;
        }

        return stratum;
    }

    private static bool SameInstances(ReadOnlySpan<KeyValuePair<string, string>> held, ReadOnlySpan<KeyValuePair<string, string>> levels)
    {
        if (held.Length != levels.Length)
        {
            return false;
        }

        for (var i = 0; i < held.Length; i++)
        {
            if (!ReferenceEquals(held[i].Key, levels[i].Key) || !ReferenceEquals(held[i].Value, levels[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A multiplicative mix of each level's length and first and last characters (the names are the same few on every
    /// outcome), its top bits: the levels differ there (classes, annotators ann-01 and ann-02, bins, visibilities 1–4),
    /// and it costs no call, unlike an identity's hash.
    /// </summary>
    private static int Slot(ReadOnlySpan<KeyValuePair<string, string>> levels)
    {
        var mixed = (uint)levels.Length;
        foreach (var (_, level) in levels)
        {
            var sketch = level.Length == 0 ? 0u : (uint)level.Length | ((uint)level[0] << 8) | ((uint)level[^1] << 20);
            mixed = (mixed * 0x9E3779B1u) ^ sketch;
        }

        return (int)((mixed * 0x9E3779B1u) >> (32 - SlotBits));
    }
}
