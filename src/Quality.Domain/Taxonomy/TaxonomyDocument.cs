using Quality.Domain.Agreement;
using Quality.Domain.Yaml;

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
        var root = new YamlSource(file, (f, line, column, path, problem, inner) => new TaxonomyFormatException(f, line, column, path, problem, inner)).Root(yaml);
        root.AllowOnly(TopKeys);
        var name = root.RequiredSafeName("name");
        var version = root.RequiredVersion("version");
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

    private static List<TaxonomyField> ReadAttributes(YamlMap? section, string[] keys, IReadOnlyList<TaxonomyClass> classes)
    {
        var attributes = new List<TaxonomyField>();
        foreach (var (name, keyNode, value) in section?.Entries() ?? [])
        {
            var map = section!.Nested(value, section.Child(name));
            map.AllowOnly(keys);
            map.RequireSafeKey(keyNode, name);
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
                Values = map.DistinctStrings("values", "value")?.Select(v => v.Value).ToList(),
                Range = map.Range("range", nonNegative: type == MeasurementLevel.Ratio),
                RequiredFor = RequiredFor(map, classes),
            });
        }

        return attributes;
    }

    private static List<string> RequiredFor(YamlMap map, IReadOnlyList<TaxonomyClass> classes)
    {
        var names = map.DistinctStrings("requiredFor", "class") ?? [];
        foreach (var (value, node, path) in names)
        {
            if (!classes.Any(c => c.Name == value))
            {
                throw map.Error(node, path, $"'{value}' is not a class of this taxonomy");
            }
        }

        return names.Select(n => n.Value).ToList();
    }
}
