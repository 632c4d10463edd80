using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// A validated taxonomy version (<c>name@major.minor.patch</c>): object classes in a hierarchy, object attributes, and
/// frame-tag fields. Built only by <see cref="TaxonomyDocument.Parse"/>, so every parent, replacement and
/// <c>requiredFor</c> names a class and the hierarchy has no cycle.
/// </summary>
/// <remarks>
/// Hierarchy: a class inherits each plausibility limit its own entry leaves unset from the nearest ancestor that sets
/// it, and an attribute required for a class is required for all its descendants. Synonyms and deprecation are not
/// inherited.
/// </remarks>
public sealed class Taxonomy
{
    private readonly Dictionary<string, TaxonomyClass> _classes;
    private readonly Dictionary<string, TaxonomyClass> _synonyms;
    private readonly Dictionary<string, TaxonomyField> _attributes;
    private readonly Dictionary<string, TaxonomyField> _tags;
    private readonly Dictionary<string, Plausibility> _plausibility = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TaxonomyField>> _required = new(StringComparer.Ordinal);

    internal Taxonomy(
        string name, SemanticVersion version, string? description, IReadOnlyList<TaxonomyClass> classes,
        IReadOnlyList<TaxonomyField> attributes, IReadOnlyList<TaxonomyField> tags)
    {
        Name = name;
        Version = version;
        Description = description;
        Classes = classes;
        Attributes = attributes;
        Tags = tags;
        _classes = classes.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _synonyms = classes.SelectMany(c => c.Synonyms.Select(s => (Synonym: s, Class: c))).ToDictionary(p => p.Synonym, p => p.Class, StringComparer.Ordinal);
        _attributes = attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);
        _tags = tags.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var c in classes)
        {
            _plausibility[c.Name] = ResolvePlausibility(c.Name);
            var lineage = Lineage(c.Name).ToHashSet(StringComparer.Ordinal);
            _required[c.Name] = attributes.Where(a => a.RequiredFor.Any(lineage.Contains)).ToList();
        }
    }

    public string Name { get; }

    public SemanticVersion Version { get; }

    public string? Description { get; }

    /// <summary>Classes in document order.</summary>
    public IReadOnlyList<TaxonomyClass> Classes { get; }

    /// <summary>Object attributes in document order.</summary>
    public IReadOnlyList<TaxonomyField> Attributes { get; }

    /// <summary>Frame-tag fields in document order.</summary>
    public IReadOnlyList<TaxonomyField> Tags { get; }

    public TaxonomyReference Reference => new(Name, Version.ToString());

    public TaxonomyClass? Class(string name) => _classes.GetValueOrDefault(name);

    public TaxonomyField? Attribute(string name) => _attributes.GetValueOrDefault(name);

    public TaxonomyField? Tag(string name) => _tags.GetValueOrDefault(name);

    /// <summary>The class a label names, directly or through a synonym; null when it names none.</summary>
    public ClassResolution? Resolve(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return _classes.TryGetValue(label, out var c) ? new ClassResolution(c, ViaSynonym: false)
            : _synonyms.TryGetValue(label, out var s) ? new ClassResolution(s, ViaSynonym: true)
            : null;
    }

    /// <summary>The class itself, then its parent, up to the root.</summary>
    public IEnumerable<string> Lineage(string className)
    {
        for (var c = Class(className); c is not null; c = c.Parent is null ? null : Class(c.Parent))
        {
            yield return c.Name;
        }
    }

    /// <summary>The class's limits with unset ones inherited from its ancestors.</summary>
    public Plausibility PlausibilityOf(string className) =>
        _plausibility.TryGetValue(className, out var p) ? p : throw new ArgumentException($"'{className}' is not a class of {Reference}", nameof(className));

    /// <summary>The attributes the class must carry: those required for it or for any of its ancestors, in document order.</summary>
    public IReadOnlyList<TaxonomyField> RequiredAttributesOf(string className) =>
        _required.TryGetValue(className, out var r) ? r : throw new ArgumentException($"'{className}' is not a class of {Reference}", nameof(className));

    /// <summary>
    /// Attributes and tag fields as the declarations the pipeline's agreement statistics read their measurement level
    /// and value order from (the same names never appear in both: the parser rejects it).
    /// </summary>
    public IReadOnlyDictionary<string, FieldDeclaration> Fields() =>
        Attributes.Concat(Tags).ToDictionary(a => a.Name, a => a.ToFieldDeclaration(), StringComparer.Ordinal);

    public override string ToString() => $"{Name}@{Version}";

    private Plausibility ResolvePlausibility(string className) =>
        Lineage(className).Reverse().Aggregate(Plausibility.Unconstrained, (inherited, name) => _classes[name].Plausibility.InheritFrom(inherited));
}

/// <summary>The class a label resolved to; <paramref name="ViaSynonym"/> when the label was one of its synonyms.</summary>
public readonly record struct ClassResolution(TaxonomyClass Class, bool ViaSynonym);
