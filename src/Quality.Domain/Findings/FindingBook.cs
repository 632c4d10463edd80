namespace Quality.Domain.Findings;

/// <summary>Pure merging of stored and incoming findings.</summary>
public static class FindingBook
{
    /// <summary>The stored finding updated by the incoming one, or the incoming one when nothing is stored.</summary>
    public static Finding Merge(Finding? existing, Finding incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return existing is null ? incoming : existing.Update(incoming);
    }

    /// <summary>Merges a batch of findings into the stored ones by <see cref="Finding.Id"/>; the result is ordered by id.</summary>
    public static IReadOnlyList<Finding> Merge(IEnumerable<Finding> existing, IEnumerable<Finding> incoming)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(incoming);
        var book = existing.ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var finding in incoming)
        {
            book[finding.Id] = Merge(book.GetValueOrDefault(finding.Id), finding);
        }

        return [.. book.Values.OrderBy(f => f.Id, StringComparer.Ordinal)];
    }
}
