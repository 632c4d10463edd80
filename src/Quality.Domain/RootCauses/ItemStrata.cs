using Quality.Domain.Annotations;

namespace Quality.Domain.RootCauses;

/// <summary>
/// The strata one item gives every gold comparison outcome on it: its frame tags and the delivery's metadata, to which
/// <see cref="Of"/> adds the object's own (class, range, size, attributes) and the annotator.
/// </summary>
/// <remarks>
/// A tag's level is the gold value when the item has a gold tag of that field, else the value most of its annotators
/// gave (ties go to the value first in ordinal order, so the level does not depend on reading order). Reviewer tags are
/// not used: a review is judged against the batch, not a source of strata.
/// </remarks>
public sealed class ItemStrata
{
    private readonly SortedDictionary<string, string> _shared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _attributeStrata = new(StringComparer.Ordinal);

    private ItemStrata()
    {
    }

    /// <summary>The levels every outcome on the item shares: its frame tags (<c>tag.{field}</c>) and the delivery's metadata (<c>delivery.{name}</c>).</summary>
    public IReadOnlyDictionary<string, string> Shared => _shared;

    /// <param name="annotations">Every annotation of one item, its tags among them.</param>
    /// <param name="metadata">The delivery's <c>metadata</c> (header or manifest); null or empty when it has none.</param>
    public static ItemStrata Of(IReadOnlyList<Annotation> annotations, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var strata = new ItemStrata();
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            strata._shared[StratumNames.DeliveryPrefix + name] = value;
        }

        foreach (var field in annotations.Where(a => a.IsTag && a.Role != AnnotatorRole.Reviewer).GroupBy(a => a.Field, StringComparer.Ordinal))
        {
            var gold = field.FirstOrDefault(a => a.Role == AnnotatorRole.Gold);
            strata._shared[StratumNames.TagPrefix + field.Key] = gold?.Label ?? field
                .GroupBy(a => a.Label, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
        }

        return strata;
    }

    /// <summary>The strata of an outcome whose object is <paramref name="subject"/> (the gold object, else the annotator's).</summary>
    /// <param name="objectClass">The gold class, else the annotator's.</param>
    public ObjectStrata Of(Annotation subject, string annotator, string objectClass)
    {
        ArgumentNullException.ThrowIfNull(subject);
        // Built in one order (the item's, then the object's), so rows list their strata alike.
        var levels = new Dictionary<string, string>(_shared.Count + 6 + (subject.Attributes?.Count ?? 0), StringComparer.Ordinal);
        foreach (var (name, level) in _shared)
        {
            levels[name] = level;
        }

        levels[StratumNames.Class] = objectClass;
        levels[StratumNames.Annotator] = annotator;
        foreach (var (name, value) in subject.Attributes ?? new Dictionary<string, string>())
        {
            // A measurement (a nuScenes box's lidar point count: ~2,000 distinct values) is no category a cause can be
            // named by; range and size are the measurements the drill-down bins.
            if (subject.Measurements?.Contains(name) != true)
            {
                levels[AttributeStratum(name)] = value;
            }
        }

        double? range = null, size = null;
        if (subject.Cuboid is { } cuboid)
        {
            range = Math.Sqrt((cuboid.X * cuboid.X) + (cuboid.Y * cuboid.Y));
            size = cuboid.Volume;
            levels[StratumNames.Range] = StratumBins.Range(range.Value);
            levels[StratumNames.Size] = StratumBins.CuboidSize(size.Value);
        }
        else if (subject.Box is { } box)
        {
            size = box.Area;
            levels[StratumNames.Size] = StratumBins.BoxSize(size.Value);
        }

        return new ObjectStrata(levels) { RangeMetres = range, Size = size };
    }

    /// <summary>The stratum of an attribute (<c>attribute.{name}</c>), named once per item rather than once per outcome.</summary>
    private string AttributeStratum(string name)
    {
        if (!_attributeStrata.TryGetValue(name, out var stratum))
        {
            _attributeStrata[name] = stratum = StratumNames.AttributePrefix + name;
        }

        return stratum;
    }
}
