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
    private static readonly Dictionary<string, string> NoMetadata = [];
    private readonly KeyValuePair<string, string>[] _shared;

    /// <summary>The outcome's levels as <see cref="Of(Annotation, string, string, StrataLevelsPool?)"/> builds them: the item's, then the object's.</summary>
    private KeyValuePair<string, string>[] _levels = [];

    private ItemStrata(SortedDictionary<string, string> shared) => _shared = [.. shared];

    /// <summary>The levels every outcome on the item shares: its frame tags (<c>tag.{field}</c>) and the delivery's metadata (<c>delivery.{name}</c>).</summary>
    public IReadOnlyDictionary<string, string> Shared => new CompactDictionary(_shared);

    /// <param name="annotations">Every annotation of one item, its tags among them.</param>
    /// <param name="metadata">The delivery's <c>metadata</c> (header or manifest); null or empty when it has none.</param>
    public static ItemStrata Of(IReadOnlyList<Annotation> annotations, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var shared = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in metadata ?? NoMetadata)
        {
            shared[StratumNames.DeliveryPrefix + name] = value;
        }

        foreach (var field in annotations.Where(a => a.IsTag && a.Role != AnnotatorRole.Reviewer).GroupBy(a => a.Field, StringComparer.Ordinal))
        {
            var gold = field.FirstOrDefault(a => a.Role == AnnotatorRole.Gold);
            shared[StratumNames.TagPrefix + field.Key] = gold?.Label ?? field
                .GroupBy(a => a.Label, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
        }

        return new ItemStrata(shared);
    }

    /// <summary>The strata of an outcome whose object is <paramref name="subject"/> (the gold object, else the annotator's).</summary>
    /// <param name="objectClass">The gold class, else the annotator's.</param>
    public ObjectStrata Of(Annotation subject, string annotator, string objectClass) => Of(subject, annotator, objectClass, pool: null);

    /// <param name="pool">Where outcomes with the same levels share one dictionary and an attribute's stratum one name; null: the outcome's own.</param>
    internal ObjectStrata Of(Annotation subject, string annotator, string objectClass, StrataLevelsPool? pool)
    {
        ArgumentNullException.ThrowIfNull(subject);
        // Built in one order (the item's, then the object's), so rows list their strata alike; every name is distinct
        // (the item's carry a prefix, an attribute its own).
        var attributes = 0;
        var attributeEntries = CompactDictionary.EntriesOf(subject.Attributes);
        foreach (var (name, _) in attributeEntries)
        {
            attributes += IsMeasurement(subject, name) ? 0 : 1;
        }

        var length = _shared.Length + 2 + attributes + (subject.Cuboid is not null ? 2 : subject.Box is not null ? 1 : 0);
        if (_levels.Length < length)
        {
            // The item's levels copied once, the object's written after them for every outcome.
            _levels = new KeyValuePair<string, string>[length];
            _shared.CopyTo(_levels, 0);
        }

        var levels = _levels;
        var count = _shared.Length;
        levels[count++] = new(StratumNames.Class, objectClass);
        levels[count++] = new(StratumNames.Annotator, annotator);
        foreach (var (name, value) in attributeEntries)
        {
            // A measurement (a nuScenes box's lidar point count: ~2,000 distinct values) is no category a cause can be
            // named by; range and size are the measurements the drill-down bins.
            if (!IsMeasurement(subject, name))
            {
                levels[count++] = new(pool?.AttributeStratum(name) ?? StratumNames.AttributePrefix + name, value);
            }
        }

        double? range = null, size = null;
        if (subject.Cuboid is { } cuboid)
        {
            range = Math.Sqrt((cuboid.X * cuboid.X) + (cuboid.Y * cuboid.Y));
            size = cuboid.Volume;
            levels[count++] = new(StratumNames.Range, StratumBins.Range(range.Value));
            levels[count++] = new(StratumNames.Size, StratumBins.CuboidSize(size.Value));
        }
        else if (subject.Box is { } box)
        {
            size = box.Area;
            levels[count++] = new(StratumNames.Size, StratumBins.BoxSize(size.Value));
        }

        var built = levels.AsSpan(0, count);
        return new ObjectStrata(pool?.Of(built) ?? new CompactDictionary(built.ToArray())) { RangeMetres = range, Size = size };
    }

    private static bool IsMeasurement(Annotation subject, string name) => subject.Measurements?.Contains(name) == true;
}
