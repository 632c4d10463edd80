using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Quality.Domain.Annotations;

/// <summary>
/// A read-only dictionary of a few entries (an object's attributes, an outcome's strata) as one array in the order
/// they were added, looked up by a search. A delivery has ~160,000 boxes of about five attributes and as many gold
/// comparison outcomes of about ten strata: a <see cref="Dictionary{TKey, TValue}"/> each (object, buckets, entries,
/// and an enumerator boxed per read through the interface) was most of what the annotations and evidence rows held.
/// </summary>
internal sealed class CompactDictionary : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _entries;

    /// <param name="entries">Distinct keys, in the order they are listed; held, not copied.</param>
    public CompactDictionary(KeyValuePair<string, string>[] entries) => _entries = entries;

    /// <summary><paramref name="dictionary"/> itself when it is one; else its entries copied, in its order.</summary>
    public static CompactDictionary Of(IReadOnlyDictionary<string, string> dictionary) => dictionary as CompactDictionary ?? new CompactDictionary([.. dictionary]);

    /// <summary>
    /// The entries of <paramref name="dictionary"/> in its order, read in place when it is a compact one (a copy
    /// otherwise); none for null.
    /// </summary>
    public static ReadOnlySpan<KeyValuePair<string, string>> EntriesOf(IReadOnlyDictionary<string, string>? dictionary) =>
        dictionary is null ? default : Of(dictionary).AsSpan();

    public int Count => _entries.Length;

    /// <summary>The entries in order, without an enumerator.</summary>
    public ReadOnlySpan<KeyValuePair<string, string>> AsSpan() => _entries;

    public string this[string key] => TryGetValue(key, out var level) ? level : throw new KeyNotFoundException($"No entry '{key}'.");

    public IEnumerable<string> Keys => _entries.Select(l => l.Key);

    public IEnumerable<string> Values => _entries.Select(l => l.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(_entries, key);
        value = at >= 0 ? _entries[at].Value : null;
        return at >= 0;
    }

    /// <summary>Where <paramref name="key"/> is among <paramref name="entries"/> (a search, ordinal); −1 when absent.</summary>
    public static int IndexOf<TValue>(ReadOnlySpan<KeyValuePair<string, TValue>> entries, string key)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
