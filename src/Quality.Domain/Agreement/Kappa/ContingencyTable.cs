namespace Quality.Domain.Agreement.Kappa;

/// <summary>
/// Two raters' joint ratings: the q×q counts n_kl of units that rater 1 put in category k and rater 2 in
/// category l, over an ordered category list (the order the weights use).
/// </summary>
public sealed class ContingencyTable
{
    private readonly long[][] _counts;

    /// <param name="categories">The ordered categories; row and column k both mean categories[k].</param>
    /// <param name="counts">q rows of q non-negative counts (rows rater 1, columns rater 2); copied.</param>
    public ContingencyTable(IReadOnlyList<string> categories, IReadOnlyList<IReadOnlyList<long>> counts)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(counts);
        if (categories.Count == 0 || categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
        {
            throw new ArgumentException("categories must be non-empty and distinct", nameof(categories));
        }

        var q = categories.Count;
        if (counts.Count != q || counts.Any(row => row.Count != q || row.Any(c => c < 0)))
        {
            throw new ArgumentException($"counts must be {q}×{q} and non-negative", nameof(counts));
        }

        Categories = [.. categories];
        _counts = [.. counts.Select(row => row.ToArray())];
        Total = _counts.Sum(row => row.Sum());
    }

    public IReadOnlyList<string> Categories { get; }

    /// <summary>q, the number of categories.</summary>
    public int CategoryCount => Categories.Count;

    /// <summary>n, the number of rated units.</summary>
    public long Total { get; }

    /// <summary>n_kl: units rater 1 put in category <paramref name="row"/> and rater 2 in <paramref name="column"/>.</summary>
    public long this[int row, int column] => _counts[row][column];

    /// <summary>Builds the table from (rater 1, rater 2) pairs; a pair with a category not listed is a caller bug.</summary>
    public static ContingencyTable FromPairs(IReadOnlyList<string> categories, IEnumerable<(string First, string Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(pairs);
        var index = categories.Select((c, i) => (c, i)).ToDictionary(e => e.c, e => e.i, StringComparer.Ordinal);
        var counts = categories.Select(_ => new long[categories.Count]).ToArray();
        foreach (var (first, second) in pairs)
        {
            if (!index.TryGetValue(first, out var row) || !index.TryGetValue(second, out var column))
            {
                throw new ArgumentException($"pair ({first}, {second}) uses a category not in the list", nameof(pairs));
            }

            counts[row][column]++;
        }

        return new ContingencyTable(categories, counts);
    }

    /// <summary>The same table with the raters swapped.</summary>
    public ContingencyTable Transpose() => new(
        Categories,
        [.. Enumerable.Range(0, CategoryCount).Select(l => Enumerable.Range(0, CategoryCount).Select(k => _counts[k][l]).ToArray())]);
}
