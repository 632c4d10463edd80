using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.RootCauses;

namespace Quality.Domain.Facts;

/// <summary>
/// Collects the facts of the items an audit adds (<see cref="BatchAudit.Facts"/>): an <see cref="ObjectFact"/> per
/// evidence row with its strata (<see cref="ObjectStrata"/>), and a <see cref="TagFact"/> per frame tag an annotator
/// gave. Holds what one shard (in the pipeline) or one file (offline) yields; rows carry no batch until
/// <see cref="FactOrigin.Stamp(ObjectFact)"/>.
/// </summary>
public sealed class FactCollector
{
    private readonly List<ObjectFact> _objects = [];
    private readonly List<TagFact> _tags = [];

    public IReadOnlyList<ObjectFact> Objects => _objects;

    public IReadOnlyList<TagFact> Tags => _tags;

    /// <param name="evidence">The item's evidence rows, as the spatial audit produced them for these annotations.</param>
    /// <param name="strata">The item's strata: its frame tags and the delivery's metadata.</param>
    public void AddItem(IReadOnlyList<Annotation> annotations, IReadOnlyList<EvidencePair> evidence, ItemStrata strata)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(strata);
        // Tags and metadata are the item's: one map each, shared by every row of the item.
        var itemTags = Named(strata.Shared, StratumNames.TagPrefix);
        var metadata = Named(strata.Shared, StratumNames.DeliveryPrefix);
        foreach (var pair in evidence)
        {
            _objects.Add(ObjectOf(pair, itemTags, metadata));
        }

        var gold = annotations.Where(a => a.IsTag && a.Role == AnnotatorRole.Gold)
            .GroupBy(a => a.Field, StringComparer.Ordinal)
            .ToDictionary(f => f.Key, f => f.First().Label, StringComparer.Ordinal);
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
                DeliveryMetadata = metadata,
            });
        }
    }

    private static ObjectFact ObjectOf(EvidencePair pair, IDictionary<string, string> itemTags, IDictionary<string, string> metadata)
    {
        var levels = pair.Strata?.Levels ?? new Dictionary<string, string>();
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
            AttributeDifferences = pair.AttributeDifferences is null ? null : JsonSerializer.Serialize(pair.AttributeDifferences, PlainJson.Default.IReadOnlyDictionaryStringStringArray),
            RangeM = pair.Strata?.RangeMetres,
            RangeBin = levels.GetValueOrDefault(StratumNames.Range),
            Size = pair.Strata?.Size,
            SizeBin = levels.GetValueOrDefault(StratumNames.Size),
            Attributes = Named(levels, StratumNames.AttributePrefix),
            ItemTags = itemTags,
            DeliveryMetadata = metadata,
        };
    }

    /// <summary>The strata of one family (<c>tag.</c>, <c>attribute.</c>, <c>delivery.</c>) by their own names: one map column each.</summary>
    private static SortedDictionary<string, string> Named(IReadOnlyDictionary<string, string> levels, string prefix) => new(
        levels.Where(l => l.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(l => l.Key[prefix.Length..], l => l.Value, StringComparer.Ordinal),
        StringComparer.Ordinal);
}
