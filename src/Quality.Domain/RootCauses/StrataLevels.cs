using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Quality.Domain.RootCauses;

/// <summary>
/// An outcome's strata (<see cref="ObjectStrata.Levels"/>) as one array of (stratum, level) in the order they were
/// added: a gold audit gives every one of its ~160,000 outcomes about ten strata, and a dictionary of its own per
/// outcome (buckets, entries, and an enumerator boxed per read) was most of what the evidence rows held and the
/// root-cause tallies allocated. Looked up by a search: ten names, mostly the same string instances.
/// </summary>
internal sealed class StrataLevels : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] _levels;

    /// <param name="levels">Distinct strata, in the order they are listed.</param>
    public StrataLevels(KeyValuePair<string, string>[] levels) => _levels = levels;

    /// <summary><paramref name="levels"/> itself when it is one; else its entries copied, in its order.</summary>
    public static StrataLevels Of(IReadOnlyDictionary<string, string> levels) => levels as StrataLevels ?? new StrataLevels([.. levels]);

    public int Count => _levels.Length;

    /// <summary>The strata in order, without an enumerator.</summary>
    public ReadOnlySpan<KeyValuePair<string, string>> AsSpan() => _levels;

    public string this[string key] => TryGetValue(key, out var level) ? level : throw new KeyNotFoundException($"No stratum '{key}'.");

    public IEnumerable<string> Keys => _levels.Select(l => l.Key);

    public IEnumerable<string> Values => _levels.Select(l => l.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        foreach (var (name, level) in _levels)
        {
            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                value = level;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_levels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
