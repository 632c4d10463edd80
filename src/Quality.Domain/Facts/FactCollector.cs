using System.Globalization;
using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;

namespace Quality.Domain.Facts;

/// <summary>
/// Collects the facts of the items an audit adds (<see cref="BatchAudit.Facts"/>): an <see cref="ObjectFact"/> per
/// evidence row with the object's strata, and a <see cref="TagFact"/> per frame tag an annotator gave. Holds what one
/// shard (in the pipeline) or one file (offline) yields; rows carry no batch until <see cref="FactOrigin.Stamp(ObjectFact)"/>.
/// </summary>
public sealed class FactCollector
{
    private readonly List<ObjectFact> _objects = [];
    private readonly List<TagFact> _tags = [];

    public IReadOnlyList<ObjectFact> Objects => _objects;

    public IReadOnlyList<TagFact> Tags => _tags;

    /// <param name="evidence">The item's evidence rows, as the spatial audit produced them for these annotations.</param>
    public void AddItem(IReadOnlyList<Annotation> annotations, IReadOnlyList<EvidencePair> evidence)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(evidence);
        var itemTags = ItemTags.Of(annotations);
        foreach (var pair in evidence)
        {
            _objects.Add(ObjectOf(pair, annotations, itemTags));
        }

        var gold = annotations.Where(a => a.IsTag && a.Role == AnnotatorRole.Gold)
            .GroupBy(a => a.Field, StringComparer.Ordinal)
            .ToDictionary(f => f.Key, f => f.OrderBy(a => a.Annotator, StringComparer.Ordinal).First().Label, StringComparer.Ordinal);
        foreach (var tag in annotations.Where(a => a.IsTag && a.Role == AnnotatorRole.Annotator))
        {
            var goldValue = gold.GetValueOrDefault(tag.Field);
            _tags.Add(new TagFact
            {
                Item = tag.Item,
                Field = tag.Field,
                Annotator = tag.Annotator,
                Value = tag.Label,
                GoldValue = goldValue,
                Correct = goldValue is null ? null : string.Equals(goldValue, tag.Label, StringComparison.Ordinal),
                ItemTags = itemTags,
            });
        }
    }

    private static ObjectFact ObjectOf(EvidencePair pair, IReadOnlyList<Annotation> annotations, IDictionary<string, string> itemTags)
    {
        // The object the strata describe: gold's where there is one (what should have been seen), else the annotator's extra.
        var subject = Find(annotations, pair.GoldAnnotator, pair.GoldObject) ?? Find(annotations, pair.Annotator, pair.AnnotatorObject);
        return new ObjectFact
        {
            Item = pair.Item,
            DataType = pair.DataType,
            Annotator = pair.Annotator,
            AnnotatorObject = pair.AnnotatorObject,
            GoldAnnotator = pair.GoldAnnotator,
            GoldObject = pair.GoldObject,
            Outcome = pair.Outcome,
            ErrorKind = pair.Outcome == "match" ? (pair.AttributeDifferences is null ? "none" : "attribute") : pair.Outcome,
            Class = pair.GoldClass ?? pair.AnnotatorClass ?? "",
            GoldClass = pair.GoldClass,
            AnnotatorClass = pair.AnnotatorClass,
            Iou = pair.Iou,
            AttributeDifferences = pair.AttributeDifferences is null ? null : JsonSerializer.Serialize(pair.AttributeDifferences),
            RangeM = subject?.Cuboid is { } cuboid ? Math.Sqrt((cuboid.X * cuboid.X) + (cuboid.Y * cuboid.Y)) : null,
            Size = subject?.Cuboid?.Volume ?? subject?.Box?.Area,
            Attributes = subject?.Attributes is { } attributes ? new SortedDictionary<string, string>(attributes.ToDictionary(), StringComparer.Ordinal) : null,
            ItemTags = itemTags,
        };
    }

    /// <summary>An evidence row names an object by its id, else its line (<see cref="EvidencePair"/>).</summary>
    private static Annotation? Find(IReadOnlyList<Annotation> annotations, string? annotator, string? reference) =>
        annotator is null || reference is null
            ? null
            : annotations.FirstOrDefault(a => !a.IsTag && a.Annotator == annotator
                && (a.Id ?? a.Line.ToString(CultureInfo.InvariantCulture)) == reference);
}
