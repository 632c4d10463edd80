using Quality.Domain.Annotations;
using Quality.Domain.Formats;

namespace Quality.Domain.Audit.Tags;

/// <summary>
/// The mergeable audit of frame tags against gold: per field and annotator, gold value × tagged value
/// (<see cref="TagConfusion"/>), from which accuracy and Cohen's kappa against gold follow. Items are added whole.
/// </summary>
/// <remarks>
/// A field of an item is gold when an annotation of role <c>gold</c> tags it. It is compared with every annotator who
/// tagged any field of that item: one who tagged others but not this one is counted as <c>missing</c> (a wrong answer
/// for accuracy, left out of kappa, which needs a value). An annotator with no tag on the item is not counted there:
/// the format cannot tell "not assigned" from "saw nothing", as for objects (<see cref="SpatialAudit"/>).
/// </remarks>
public sealed class TagGoldAudit
{
    private readonly SortedDictionary<string, SortedDictionary<string, TagConfusion>> _fields = new(StringComparer.Ordinal);

    public bool IsEmpty => _fields.Count == 0;

    /// <summary>Field → annotator → their confusion against gold, in ordinal order.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, TagConfusion>> Fields => _fields;

    /// <param name="file">The delivery's name, for errors.</param>
    /// <exception cref="DeliveryFormatException">Gold or an annotator tagged the same field of the item twice.</exception>
    public void AddItem(string file, IReadOnlyList<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        // Most items carry no gold tag: find that out without allocating, since every item of every shard passes here.
        var hasGold = false;
        for (var i = 0; i < annotations.Count && !hasGold; i++)
        {
            hasGold = annotations[i] is { Role: AnnotatorRole.Gold, IsTag: true };
        }

        if (!hasGold)
        {
            return;
        }

        var tags = annotations.Where(a => a.IsTag).ToList();
        var gold = Reference(file, tags.Where(a => a.Role == AnnotatorRole.Gold));
        var byAnnotator = tags.Where(a => a.Role == AnnotatorRole.Annotator)
            .GroupBy(a => a.Annotator, StringComparer.Ordinal)
            .Select(g => (Annotator: g.Key, Tags: ByField(file, g)));
        foreach (var (annotator, tagged) in byAnnotator)
        {
            foreach (var (field, reference) in gold)
            {
                Confusion(field, annotator).Add(reference.Label, tagged.GetValueOrDefault(field)?.Label);
            }
        }
    }

    public void Merge(TagGoldAudit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, annotators) in other._fields)
        {
            foreach (var (annotator, confusion) in annotators)
            {
                Confusion(field, annotator).Merge(confusion);
            }
        }
    }

    /// <summary>Every annotator's confusion of <paramref name="field"/> summed: the field over all annotators.</summary>
    public TagConfusion Pooled(string field)
    {
        var pooled = new TagConfusion();
        foreach (var confusion in _fields[field].Values)
        {
            pooled.Merge(confusion);
        }

        return pooled;
    }

    /// <summary>The persisted form, in a fixed order; <see cref="FromState"/> restores it exactly.</summary>
    public TagGoldAuditState ToState() => new(
        [.. _fields.SelectMany(f => f.Value.SelectMany(a => a.Value.Cells.Select(c => new TagGoldCellState(f.Key, a.Key, c.Gold, c.Tagged, c.Count))))]);

    public static TagGoldAudit FromState(TagGoldAuditState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var audit = new TagGoldAudit();
        foreach (var cell in state.Cells)
        {
            audit.Confusion(cell.Field, cell.Annotator).Add(cell.Gold, cell.Tagged, cell.Count);
        }

        return audit;
    }

    /// <summary>
    /// The gold value of each field of the item. Several gold keys may tag an item; a field they disagree on has no
    /// reference there and is not compared (no annotator can be right or wrong against it).
    /// </summary>
    private static Dictionary<string, Annotation> Reference(string file, IEnumerable<Annotation> goldTags)
    {
        var reference = new Dictionary<string, Annotation>(StringComparer.Ordinal);
        var disputed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in goldTags.GroupBy(a => a.Annotator, StringComparer.Ordinal))
        {
            foreach (var (field, tag) in ByField(file, key))
            {
                if (!reference.TryAdd(field, tag) && reference[field].Label != tag.Label)
                {
                    disputed.Add(field);
                }
            }
        }

        foreach (var field in disputed)
        {
            reference.Remove(field);
        }

        return reference;
    }

    private static Dictionary<string, Annotation> ByField(string file, IEnumerable<Annotation> tags)
    {
        var byField = new Dictionary<string, Annotation>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (!byField.TryAdd(tag.Field, tag))
            {
                throw new DeliveryFormatException(tag.SourceIn(file), tag.Line, "field",
                    $"'{tag.Annotator}' already tagged '{tag.Field}' of item '{tag.Item}' on line {byField[tag.Field].Line}; one value per annotator, item and field");
            }
        }

        return byField;
    }

    private TagConfusion Confusion(string field, string annotator)
    {
        if (!_fields.TryGetValue(field, out var annotators))
        {
            annotators = new SortedDictionary<string, TagConfusion>(StringComparer.Ordinal);
            _fields[field] = annotators;
        }

        if (!annotators.TryGetValue(annotator, out var confusion))
        {
            confusion = new TagConfusion();
            annotators[annotator] = confusion;
        }

        return confusion;
    }
}
