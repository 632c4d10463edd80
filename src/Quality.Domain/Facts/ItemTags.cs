using Quality.Domain.Annotations;

namespace Quality.Domain.Facts;

/// <summary>
/// An item's frame tags as one value per field, the strata its objects and tags are cut by: gold's value where gold
/// tagged the field, else the value most annotators gave (a tie goes to the ordinally first value, so the same item
/// always gets the same tags).
/// </summary>
public static class ItemTags
{
    public static IDictionary<string, string> Of(IReadOnlyList<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in annotations.Where(a => a.IsTag).GroupBy(a => a.Field, StringComparer.Ordinal))
        {
            var gold = field.Where(a => a.Role == AnnotatorRole.Gold).OrderBy(a => a.Annotator, StringComparer.Ordinal).FirstOrDefault();
            var value = gold?.Label ?? field.Where(a => a.Role == AnnotatorRole.Annotator)
                .GroupBy(a => a.Label, StringComparer.Ordinal)
                .OrderByDescending(v => v.Count()).ThenBy(v => v.Key, StringComparer.Ordinal)
                .Select(v => v.Key).FirstOrDefault();
            if (value is not null)
            {
                tags[field.Key] = value;
            }
        }

        return tags;
    }
}
