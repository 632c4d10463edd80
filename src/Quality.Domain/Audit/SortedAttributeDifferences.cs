using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Quality.Domain.Annotations;

namespace Quality.Domain.Audit;

/// <summary>
/// A matched pair's attribute differences (<see cref="EvidencePair.AttributeDifferences"/>): name → [gold value,
/// annotator value], as one array in ordinal order of name, looked up by a search. A pair differs in one or two
/// attributes; a <see cref="Dictionary{TKey, TValue}"/> each (object, buckets, entries) was most of what a delivery's
/// ~100,000 matched pairs allocated for their evidence.
/// </summary>
internal sealed class SortedAttributeDifferences : IReadOnlyDictionary<string, string?[]>
{
    private readonly KeyValuePair<string, string?[]>[] _entries;

    /// <param name="entries">Distinct names in ordinal order; held, not copied.</param>
    public SortedAttributeDifferences(KeyValuePair<string, string?[]>[] entries) => _entries = entries;

    public int Count => _entries.Length;

    /// <summary>The differences in order, without an enumerator.</summary>
    public ReadOnlySpan<KeyValuePair<string, string?[]>> AsSpan() => _entries;

    public string?[] this[string key] => TryGetValue(key, out var values) ? values : throw new KeyNotFoundException($"No attribute '{key}'.");

    public IEnumerable<string> Keys => _entries.Select(d => d.Key);

    public IEnumerable<string?[]> Values => _entries.Select(d => d.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string?[] value)
    {
        var at = CompactDictionary.IndexOf<string?[]>(_entries, key);
        value = at >= 0 ? _entries[at].Value : null;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, string?[]>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string?[]>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
