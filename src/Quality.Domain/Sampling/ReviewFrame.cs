using System.Runtime.InteropServices;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Matching;

namespace Quality.Domain.Sampling;

/// <summary>The sampling frame of a delivery: its <see cref="ReviewUnit"/>s, built item by item, and their strata.</summary>
/// <remarks>
/// Agreement of annotator a on an item with the other annotators b: the mean over b of
/// (2·objects matched with the same class + 2·tags with the same value) / (objects and tags of a + objects and tags of b),
/// an F1 over everything the two labeled; objects are matched as the gold audit matches them, with the ordinally first
/// annotator of the pair as the reference, so agreement is symmetric. Two annotators who both labeled nothing agree fully.
/// </remarks>
public static class ReviewFrame
{
    /// <summary>The stratum dimension "class": a unit's rarest class in the delivery.</summary>
    public const string ClassDimension = "class";

    /// <summary>The stratum dimension "annotator".</summary>
    public const string AnnotatorDimension = "annotator";

    /// <summary>A stratum dimension <c>scene.{field}</c>: the item's value of that frame tag (weather, time of day…).</summary>
    public const string ScenePrefix = "scene.";

    /// <summary>The stratum of a unit without objects or tags, or without the scene tag.</summary>
    public const string NoClass = "(none)";

    public static bool IsDimension(string name) =>
        name is ClassDimension or AnnotatorDimension || (name.StartsWith(ScenePrefix, StringComparison.Ordinal) && name.Length > ScenePrefix.Length);

    /// <summary>The units of one item: one per annotator (role <c>annotator</c>) who labeled it, in ordinal annotator order.</summary>
    public static IReadOnlyList<ReviewUnit> Of(IReadOnlyList<Annotation> item, SpatialOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);
        var byAnnotator = item.Where(a => a.Role == AnnotatorRole.Annotator)
            .GroupBy(a => a.Annotator, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Annotator: g.Key, Labels: (IReadOnlyList<Annotation>)[.. g]))
            .ToList();
        var scene = item.Where(a => a.Role == AnnotatorRole.Annotator && a.IsTag)
            .GroupBy(a => a.Field, StringComparer.Ordinal)
            .ToDictionary(
                field => field.Key,
                field => field.GroupBy(a => a.Label, StringComparer.Ordinal).OrderByDescending(v => v.Count()).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key,
                StringComparer.Ordinal);
        // Each pair once, the ordinally first annotator's objects as the reference: agreement is symmetric by definition,
        // and the pairs cost half of comparing every ordered pair (the frame's share of a shard's audit).
        var k = byAnnotator.Count;
        var agreement = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = i + 1; j < k; j++)
            {
                agreement[i, j] = agreement[j, i] = Agreement(byAnnotator[i].Labels, byAnnotator[j].Labels, options);
            }
        }

        return [.. byAnnotator.Select((a, i) => new ReviewUnit(
            a.Labels[0].Item,
            a.Annotator,
            [.. a.Labels.Select(ClassOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            k < 2 ? null : Enumerable.Range(0, k).Where(j => j != i).Average(j => agreement[i, j]))
        {
            Scene = scene,
        })];
    }

    /// <summary>
    /// Each unit's stratum under the dimensions, joined by <c>|</c> in the order given (<c>all</c> without dimensions).
    /// "class" is the unit's rarest class: the one fewest units of the frame contain (ties in ordinal order), so a frame
    /// with a rare, safety-relevant class falls in that class's stratum and a minimum per stratum reaches it.
    /// "scene.{field}" is the item's value of that frame tag (<see cref="ReviewUnit.Scene"/>), <c>(none)</c> when untagged.
    /// </summary>
    public static IReadOnlyList<string> Strata(IReadOnlyList<ReviewUnit> units, IReadOnlyList<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(dimensions);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        CountClasses(units, frequency);
        var strata = new string[units.Count];
        var parts = new string[dimensions.Count];
        for (var i = 0; i < units.Count; i++)
        {
            strata[i] = StratumOf(units[i], dimensions, frequency, parts);
        }

        return strata;
    }

    /// <summary>Adds to <paramref name="frequency"/> how many of <paramref name="units"/> contain each class.</summary>
    public static void CountClasses(IReadOnlyList<ReviewUnit> units, Dictionary<string, int> frequency)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(frequency);

        // Once per unit of the whole batch at finalize: loops rather than a sort or a grouping per unit.
        foreach (var unit in units)
        {
            foreach (var unitClass in unit.Classes)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(frequency, unitClass, out _)++;
            }
        }
    }

    /// <summary>
    /// One unit's stratum (<see cref="Strata"/>), given how many units of the frame contain each class;
    /// <paramref name="parts"/> is scratch space of one string per dimension.
    /// </summary>
    public static string StratumOf(ReviewUnit unit, IReadOnlyList<string> dimensions, Dictionary<string, int> frequency, string[] parts)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(parts);
        for (var d = 0; d < parts.Length; d++)
        {
            parts[d] = dimensions[d] switch
            {
                ClassDimension => RarestClass(unit.Classes, frequency),
                AnnotatorDimension => unit.Annotator,
                var scene when scene.StartsWith(ScenePrefix, StringComparison.Ordinal) && scene.Length > ScenePrefix.Length =>
                    unit.Scene.GetValueOrDefault(scene[ScenePrefix.Length..]) ?? NoClass,
                _ => throw new ArgumentException($"'{dimensions[d]}' is not a stratum dimension ({ClassDimension}, {AnnotatorDimension}, {ScenePrefix}{{field}}).", nameof(dimensions)),
            };
        }

        return parts.Length == 0 ? "all" : string.Join('|', parts);
    }

    /// <summary>The class fewest units contain, ties in ordinal order; <see cref="NoClass"/> for none.</summary>
    private static string RarestClass(IReadOnlyList<string> classes, Dictionary<string, int> frequency)
    {
        string? rarest = null;
        var fewest = 0;
        foreach (var unitClass in classes)
        {
            var count = frequency[unitClass];
            if (rarest is null || count < fewest || (count == fewest && string.CompareOrdinal(unitClass, rarest) < 0))
            {
                (rarest, fewest) = (unitClass, count);
            }
        }

        return rarest ?? NoClass;
    }

    /// <summary>An object's class, or a tag as <c>field=value</c>.</summary>
    internal static string ClassOf(Annotation annotation) => annotation.IsTag ? $"{annotation.Field}={annotation.Label}" : annotation.Label;

    /// <summary>The F1 of two annotators' labels on an item, <paramref name="reference"/>'s objects as the matching's reference.</summary>
    private static double Agreement(IReadOnlyList<Annotation> reference, IReadOnlyList<Annotation> labels, SpatialOptions options)
    {
        var matched = SpatialAudit.CompareObjects(reference, labels, options).Count(o => o.Outcome == MatchOutcome.TruePositive);
        var tags = reference.Where(a => a.IsTag).ToDictionary(a => a.Field, a => a.Label, StringComparer.Ordinal);
        var sameTags = labels.Count(a => a.IsTag && tags.TryGetValue(a.Field, out var value) && value == a.Label);
        var total = labels.Count + reference.Count;
        return total == 0 ? 1 : 2.0 * (matched + sameTags) / total;
    }
}
