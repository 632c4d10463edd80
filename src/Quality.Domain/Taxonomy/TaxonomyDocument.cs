using Quality.Domain.Agreement;
using Quality.Domain.Formats.Canonical;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// Reads a taxonomy YAML document (schema in <c>docs/taxonomy.md</c>) into a validated <see cref="Taxonomy"/>. Every
/// error is a <see cref="TaxonomyFormatException"/> naming the file, line, column and YAML path of the node to blame;
/// unknown keys are errors so a typo cannot silently drop a rule.
/// </summary>
public static class TaxonomyDocument
{
    private static readonly string[] TopKeys = ["name", "version", "description", "classes", "attributes", "tags"];
    private static readonly string[] AttributeKeys = ["type", "description", "values", "range", "requiredFor"];
    private static readonly string[] TagKeys = ["type", "description", "values", "range"];

    public static Taxonomy Parse(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(file);
        var root = YamlMap.From(Load(yaml, file), file, "");
        root.AllowOnly(TopKeys);
        var nameNode = root.Required("name");
        var name = root.RequiredString("name");
        if (!CanonicalFormat.IsSafeName(name))
        {
            throw root.Error(nameNode, "name", $"'{name}' is not a safe name (1-63 characters A-Z a-z 0-9 . _ -, starting with a letter or digit)");
        }

        var versionNode = root.Required("version");
        if (!SemanticVersion.TryParse(root.RequiredString("version"), out var version))
        {
            throw root.Error(versionNode, "version", $"'{root.RequiredString("version")}' is not a version major.minor.patch");
        }

        var classes = TaxonomyClassReader.ReadAll(root.Map("classes") ?? throw root.Error(root.Node, "", "'classes' is required"));
        var attributes = ReadAttributes(root.Map("attributes"), AttributeKeys, classes);
        var tags = ReadAttributes(root.Map("tags"), TagKeys, classes);
        if (root.Map("tags") is { } tagMap && tags.FirstOrDefault(t => attributes.Any(a => a.Name == t.Name)) is { } clash)
        {
            var key = tagMap.Entries().First(e => e.Key == clash.Name).KeyNode;
            throw root.Error(key, tagMap.Child(clash.Name), $"'{clash.Name}' is also an attribute; a tag field needs a name of its own");
        }

        return new Taxonomy(name, version, root.String("description"), classes, attributes, tags);
    }

    private static YamlNode Load(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw YamlMap.Error(file, e.Start, "", $"not valid YAML: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's node loader throws these, without a position, on event sequences it does not expect
            // (found by DocumentFuzzProperties: "the current event is of an unsupported type").
            throw new TaxonomyFormatException(file, 1, 1, "", $"not valid YAML ({e.Message.TrimEnd('.')}; the parser gave no position)", e);
        }

        return stream.Documents.Count switch
        {
            0 => throw new TaxonomyFormatException(file, 1, 1, "", "the document is empty"),
            1 => stream.Documents[0].RootNode,
            _ => throw YamlMap.Error(file, stream.Documents[1].RootNode, "", "one YAML document expected, found more"),
        };
    }

    private static List<TaxonomyField> ReadAttributes(YamlMap? section, string[] keys, IReadOnlyList<TaxonomyClass> classes)
    {
        var attributes = new List<TaxonomyField>();
        foreach (var (name, keyNode, value) in section?.Entries() ?? [])
        {
            var map = YamlMap.From(value, section!.File, section.Child(name));
            map.AllowOnly(keys);
            RequireSafeName(map, keyNode, name);
            var typeNode = map.Required("type");
            var typeName = map.RequiredString("type");
            var type = typeName switch
            {
                "nominal" => MeasurementLevel.Nominal,
                "ordinal" => MeasurementLevel.Ordinal,
                "interval" => MeasurementLevel.Interval,
                "ratio" => MeasurementLevel.Ratio,
                var other => throw map.Error(typeNode, map.Child("type"), $"'{other}' is not one of nominal, ordinal, interval, ratio"),
            };
            var categorical = type is MeasurementLevel.Nominal or MeasurementLevel.Ordinal;
            if (categorical && map.Get("range") is { } range)
            {
                throw map.Error(range, map.Child("range"), $"type {typeName} takes 'values', not a 'range'");
            }

            if (!categorical && map.Get("values") is { } values)
            {
                throw map.Error(values, map.Child("values"), $"type {typeName} takes a 'range', not 'values'");
            }

            attributes.Add(new TaxonomyField(name, type)
            {
                Description = map.String("description"),
                Values = Distinct(map, map.Strings("values"), "value")?.Select(v => v.Value).ToList(),
                Range = map.Range("range", nonNegative: type == MeasurementLevel.Ratio),
                RequiredFor = RequiredFor(map, classes),
            });
        }

        return attributes;
    }

    private static List<string> RequiredFor(YamlMap map, IReadOnlyList<TaxonomyClass> classes)
    {
        var names = Distinct(map, map.Strings("requiredFor"), "class") ?? [];
        foreach (var (value, node, path) in names)
        {
            if (!classes.Any(c => c.Name == value))
            {
                throw map.Error(node, path, $"'{value}' is not a class of this taxonomy");
            }
        }

        return names.Select(n => n.Value).ToList();
    }

    internal static IReadOnlyList<(string Value, YamlNode Node, string Path)>? Distinct(
        YamlMap map, IReadOnlyList<(string Value, YamlNode Node, string Path)>? items, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, node, path) in items ?? [])
        {
            if (!seen.Add(value))
            {
                throw map.Error(node, path, $"{what} '{value}' is listed twice");
            }
        }

        return items;
    }

    internal static void RequireSafeName(YamlMap map, YamlNode keyNode, string name)
    {
        if (!CanonicalFormat.IsSafeName(name))
        {
            throw map.Error(keyNode, map.Path, $"'{name}' is not a safe name (1-63 characters A-Z a-z 0-9 . _ -, starting with a letter or digit)");
        }
    }
}
