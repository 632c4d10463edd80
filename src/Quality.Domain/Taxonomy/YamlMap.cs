using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// A YAML mapping being read at a known path of a known file: typed getters that throw a
/// <see cref="TaxonomyFormatException"/> at the offending node, and a check that no key is unknown.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;

    private YamlMap(YamlMappingNode node, string file, string path)
    {
        _node = node;
        File = file;
        Path = path;
    }

    public string File { get; }

    public string Path { get; }

    public YamlNode Node => _node;

    /// <summary>The node as a mapping; an empty one for a null scalar (<c>car:</c> with nothing after it).</summary>
    public static YamlMap From(YamlNode node, string file, string path) => node switch
    {
        YamlMappingNode map => new YamlMap(map, file, path),
        _ when IsNull(node) => new YamlMap(new YamlMappingNode(), file, path),
        _ => throw Error(file, node, path, "must be a mapping of keys to values"),
    };

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

    public YamlMap? Map(string key) => Get(key) is { } node ? From(node, File, Child(key)) : null;

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

    public double? Number(string key) => Get(key) is { } node ? Number(node, Child(key)) : null;

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

    public TaxonomyFormatException Error(YamlNode node, string path, string problem) => Error(File, node, path, problem);

    public static TaxonomyFormatException Error(string file, YamlNode node, string path, string problem) =>
        Error(file, node.Start, path, problem);

    public static TaxonomyFormatException Error(string file, Mark at, string path, string problem, Exception? innerException = null) =>
        new(file, Math.Max(at.Line, 1), Math.Max(at.Column, 1), path, problem, innerException);

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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
