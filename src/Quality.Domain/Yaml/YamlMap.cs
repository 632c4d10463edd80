using System.Globalization;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Taxonomy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quality.Domain.Yaml;

/// <summary>
/// A YAML mapping being read at a known path of a known <see cref="YamlSource"/>: typed getters that throw the
/// document's <see cref="DocumentFormatException"/> at the offending node, and a check that no key is unknown.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly YamlSource _source;

    private YamlMap(YamlMappingNode node, YamlSource source, string path)
    {
        _node = node;
        _source = source;
        Path = path;
    }

    public string File => _source.File;

    public string Path { get; }

    public YamlNode Node => _node;

    /// <summary>The node as a mapping; an empty one for a null scalar (<c>car:</c> with nothing after it).</summary>
    public static YamlMap From(YamlNode node, YamlSource source, string path) => node switch
    {
        YamlMappingNode map => new YamlMap(map, source, path),
        _ when IsNull(node) => new YamlMap(new YamlMappingNode(), source, path),
        _ => throw source.Error(node, path, "must be a mapping of keys to values"),
    };

    /// <summary>A mapping inside this one (a value of it, or an item of one of its lists) read at <paramref name="path"/>.</summary>
    public YamlMap Nested(YamlNode node, string path) => From(node, _source, path);

    public string Child(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Every key with its node and value, in document order; keys must be plain strings.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries()
    {
        foreach (var (key, value) in _node.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw Error(key, Path, "keys must be non-empty strings");
            }

            yield return (name, key, value);
        }
    }

    /// <summary>Typos must not pass: any key outside <paramref name="known"/> is an error at that key.</summary>
    public void AllowOnly(params string[] known)
    {
        foreach (var (key, keyNode, _) in Entries())
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                throw Error(keyNode, Child(key), $"unknown key '{key}' (expected one of {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>; null when absent or a null scalar.</summary>
    public YamlNode? Get(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    public YamlNode Required(string key) => Get(key) ?? throw Error(_node, Path, $"'{key}' is required");

    public YamlMap? Map(string key) => Get(key) is { } node ? Nested(node, Child(key)) : null;

    public string? String(string key) => Get(key) is { } node ? Scalar(node, Child(key)) : null;

    public string RequiredString(string key) => Scalar(Required(key), Child(key));

    /// <summary>A list of strings (<c>[a, b]</c> or block style), each with its node for later errors.</summary>
    public IReadOnlyList<(string Value, YamlNode Node, string Path)>? Strings(string key)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, Child(key), "must be a list, e.g. [a, b]");
        }

        return sequence.Children.Select((item, i) =>
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{Child(key)}[{i}]");
            return (Scalar(item, path), item, path);
        }).ToList();
    }

    /// <summary>A list of mappings (block style <c>- key: value</c>), each read at <c>key[i]</c>.</summary>
    public IReadOnlyList<YamlMap>? Maps(string key) => Get(key) switch
    {
        null => null,
        YamlSequenceNode sequence => sequence.Children
            .Select((item, i) => Nested(item, string.Create(CultureInfo.InvariantCulture, $"{Child(key)}[{i}]"))).ToList(),
        var node => throw Error(node, Child(key), "must be a list"),
    };

    /// <summary><see cref="Strings"/>, each value at most once.</summary>
    public IReadOnlyList<(string Value, YamlNode Node, string Path)>? DistinctStrings(string key, string what)
    {
        var items = Strings(key);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, node, path) in items ?? [])
        {
            if (!seen.Add(value))
            {
                throw Error(node, path, $"{what} '{value}' is listed twice");
            }
        }

        return items;
    }

    /// <summary>A required name that is safe in storage keys and URLs (<see cref="CanonicalFormat.IsSafeName"/>).</summary>
    public string RequiredSafeName(string key)
    {
        var name = RequiredString(key);
        return CanonicalFormat.IsSafeName(name) ? name : throw Error(Required(key), Child(key), NotSafe(name));
    }

    /// <summary>Throws at <paramref name="keyNode"/> when a key that names something is not a safe name.</summary>
    public void RequireSafeKey(YamlNode keyNode, string name)
    {
        if (!CanonicalFormat.IsSafeName(name))
        {
            throw Error(keyNode, Path, NotSafe(name));
        }
    }

    /// <summary>A required <c>major.minor.patch</c> version.</summary>
    public SemanticVersion RequiredVersion(string key)
    {
        var text = RequiredString(key);
        return SemanticVersion.TryParse(text, out var version)
            ? version
            : throw Error(Required(key), Child(key), $"'{text}' is not a version major.minor.patch");
    }

    public double? Number(string key) => Get(key) is { } node ? Number(node, Child(key)) : null;

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long? Integer(string key, long min, long max = long.MaxValue)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        var text = Scalar(node, Child(key));
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, Child(key), $"'{text}' is not a whole number");
        }

        return value >= min && value <= max
            ? value
            : throw Error(node, Child(key), max == long.MaxValue ? Invariant($"must be at least {min}") : Invariant($"must be between {min} and {max}"));
    }

    public bool? Boolean(string key) => Get(key) is { } node
        ? Scalar(node, Child(key)) switch
        {
            "true" => true,
            "false" => false,
            var other => throw Error(node, Child(key), $"'{other}' is not true or false"),
        }
        : null;

    /// <summary><c>[min, max]</c>: two finite numbers with min ≤ max (and min ≥ 0 when <paramref name="nonNegative"/>).</summary>
    public ValueRange? Range(string key, bool nonNegative)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        if (node is not YamlSequenceNode { Children.Count: 2 } pair)
        {
            throw Error(node, Child(key), "must be a range [min, max]");
        }

        var min = Number(pair.Children[0], Child(key) + "[0]");
        var max = Number(pair.Children[1], Child(key) + "[1]");
        if (nonNegative && min < 0)
        {
            throw Error(pair.Children[0], Child(key), Invariant($"min {min} is negative"));
        }

        return min <= max ? new ValueRange(min, max) : throw Error(node, Child(key), Invariant($"min {min} is greater than max {max}"));
    }

    public DocumentFormatException Error(YamlNode node, string path, string problem) => _source.Error(node, path, problem);

    private string Scalar(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } && !IsNull(node)
            ? value
            : throw Error(node, path, node is YamlScalarNode ? "must not be empty" : "must be a single value");

    private double Number(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(node, path, $"'{text}' is not a finite number");
    }

    /// <summary>An empty plain scalar, <c>~</c> or <c>null</c>: YAML's null.</summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private static string NotSafe(string name) =>
        $"'{name}' is not a safe name (1-63 characters A-Z a-z 0-9 . _ -, starting with a letter or digit)";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
