namespace Quality.Domain.Taxonomy;

/// <summary>
/// One broken rule on one annotation, with where it came from. <paramref name="Class"/> is the object's label as
/// delivered (for tag rules, the tag's field); <paramref name="Field"/> the part to blame (<c>label</c>,
/// <c>attributes.occlusion</c>, <c>geometry.length</c>, <c>id</c>).
/// </summary>
public sealed record Violation(
    string Rule, string Class, string Item, string Annotator, string? File, long Line, string? Id, string? Field, string Message)
{
    /// <summary>
    /// The total order examples are kept in (file, line, item, then the rest): a tally keeps the smallest, so which
    /// examples survive does not depend on how annotations were sharded or merged.
    /// </summary>
    public static IComparer<Violation> ExampleOrder { get; } = Comparer<Violation>.Create(Compare);

    private static int Compare(Violation? x, Violation? y)
    {
        if (ReferenceEquals(x, y) || x is null || y is null)
        {
            return ReferenceEquals(x, y) ? 0 : x is null ? -1 : 1;
        }

        var c = string.CompareOrdinal(x.File, y.File);
        c = c != 0 ? c : x.Line.CompareTo(y.Line);
        c = c != 0 ? c : string.CompareOrdinal(x.Item, y.Item);
        c = c != 0 ? c : string.CompareOrdinal(x.Annotator, y.Annotator);
        c = c != 0 ? c : string.CompareOrdinal(x.Rule, y.Rule);
        c = c != 0 ? c : string.CompareOrdinal(x.Class, y.Class);
        c = c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        c = c != 0 ? c : string.CompareOrdinal(x.Field, y.Field);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
