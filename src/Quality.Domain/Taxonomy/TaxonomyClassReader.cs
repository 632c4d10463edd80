using Quality.Domain.Yaml;
using YamlDotNet.RepresentationModel;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// Reads the <c>classes</c> section: each class on its own, then what relates classes to one another (synonyms unique
/// and no class's name, parents that exist without a cycle, replacements that exist and are current).
/// </summary>
internal static class TaxonomyClassReader
{
    private static readonly string[] ClassKeys = ["description", "parent", "synonyms", "deprecated", "size3d", "box2d"];
    private static readonly string[] DeprecatedKeys = ["replacedBy", "reason"];
    private static readonly string[] Size3dKeys = ["length", "width", "height"];
    private static readonly string[] Box2dKeys = ["minWidth", "minHeight", "insideImage"];

    public static IReadOnlyList<TaxonomyClass> ReadAll(YamlMap section)
    {
        var read = section.Entries().Select(e => Read(section, e.Key, e.KeyNode, e.Value)).ToList();
        if (read.Count == 0)
        {
            throw section.Error(section.Node, section.Path, "a taxonomy needs at least one class");
        }

        var byName = read.ToDictionary(r => r.Class.Name, StringComparer.Ordinal);
        CheckSynonyms(read, byName);
        foreach (var r in read)
        {
            CheckParent(r, byName);
            CheckReplacement(r, byName);
        }

        return read.Select(r => r.Class).ToList();
    }

    private static ReadClass Read(YamlMap section, string name, YamlNode keyNode, YamlNode value)
    {
        var map = section.Nested(value, section.Child(name));
        map.AllowOnly(ClassKeys);
        map.RequireSafeKey(keyNode, name);
        var deprecated = map.Map("deprecated");
        deprecated?.AllowOnly(DeprecatedKeys);
        var size = map.Map("size3d");
        size?.AllowOnly(Size3dKeys);
        var box = map.Map("box2d");
        box?.AllowOnly(Box2dKeys);
        var minWidth = box?.Number("minWidth");
        var minHeight = box?.Number("minHeight");
        foreach (var (key, limit) in new[] { ("minWidth", minWidth), ("minHeight", minHeight) })
        {
            if (limit < 0)
            {
                throw box!.Error(box.Required(key), box.Child(key), "must not be negative");
            }
        }

        var synonyms = map.DistinctStrings("synonyms", "synonym") ?? [];
        var taxonomyClass = new TaxonomyClass(name)
        {
            Description = map.String("description"),
            Parent = map.String("parent"),
            Synonyms = synonyms.Select(s => s.Value).ToList(),
            ReplacedBy = deprecated is null ? null : deprecated.RequiredString("replacedBy"),
            DeprecationReason = deprecated?.String("reason"),
            Plausibility = new Plausibility
            {
                Length = size?.Range("length", nonNegative: true),
                Width = size?.Range("width", nonNegative: true),
                Height = size?.Range("height", nonNegative: true),
                MinBoxWidth = minWidth,
                MinBoxHeight = minHeight,
                InsideImage = box?.Boolean("insideImage"),
            },
        };
        return new ReadClass(taxonomyClass, map, keyNode, synonyms, deprecated);
    }

    private static void CheckSynonyms(List<ReadClass> read, Dictionary<string, ReadClass> byName)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in read)
        {
            foreach (var (synonym, node, path) in r.Synonyms)
            {
                if (byName.ContainsKey(synonym))
                {
                    throw r.Map.Error(node, path, $"synonym '{synonym}' is the name of a class");
                }

                if (!owner.TryAdd(synonym, r.Class.Name))
                {
                    throw r.Map.Error(node, path, $"synonym '{synonym}' is already a synonym of '{owner[synonym]}'");
                }
            }
        }
    }

    private static void CheckParent(ReadClass r, Dictionary<string, ReadClass> byName)
    {
        if (r.Class.Parent is not { } parent)
        {
            return;
        }

        var node = r.Map.Required("parent");
        if (!byName.ContainsKey(parent))
        {
            throw r.Map.Error(node, r.Map.Child("parent"), $"'{parent}' is not a class of this taxonomy");
        }

        var seen = new List<string> { r.Class.Name };
        for (var up = parent; up is not null; up = byName[up].Class.Parent)
        {
            seen.Add(up);
            if (up == r.Class.Name)
            {
                throw r.Map.Error(node, r.Map.Child("parent"), $"the hierarchy has a cycle: {string.Join(" -> ", seen)}");
            }

            if (!byName.ContainsKey(up) || seen.Count > byName.Count + 1)
            {
                return;
            }
        }
    }

    private static void CheckReplacement(ReadClass r, Dictionary<string, ReadClass> byName)
    {
        if (r.Deprecated is not { } deprecated || r.Class.ReplacedBy is not { } replacement)
        {
            return;
        }

        var node = deprecated.Required("replacedBy");
        var path = deprecated.Child("replacedBy");
        if (!byName.TryGetValue(replacement, out var target))
        {
            throw deprecated.Error(node, path, $"'{replacement}' is not a class of this taxonomy");
        }

        if (target.Class.Name == r.Class.Name)
        {
            throw deprecated.Error(node, path, "a class cannot replace itself");
        }

        if (target.Class.IsDeprecated)
        {
            throw deprecated.Error(node, path, $"'{replacement}' is itself deprecated (replaced by '{target.Class.ReplacedBy}'); name the current class");
        }
    }

    private sealed record ReadClass(
        TaxonomyClass Class, YamlMap Map, YamlNode KeyNode, IReadOnlyList<(string Value, YamlNode Node, string Path)> Synonyms, YamlMap? Deprecated);
}
