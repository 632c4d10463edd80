namespace Quality.Domain.Agreement.Kappa;

/// <summary>
/// Multi-rater data as unit-by-category counts: per unit i, r_ik raters chose category k, so r_i = Σ_k r_ik
/// may differ between units (missing ratings). Identical rows collapse into one row with a multiplicity.
/// </summary>
/// <remarks>
/// An accumulator: <see cref="AddUnit(ReadOnlySpan{int}, long)"/> and <see cref="Merge"/> are order-free, and rows
/// are kept sorted, so every computation sums in the same order whatever order units arrived in. Units with no
/// rating at all carry no information and are not kept.
/// </remarks>
public sealed class RatingTable
{
    private readonly SortedDictionary<int[], long> _rows = new(RatingRowComparer.Instance);
    private readonly Dictionary<string, int> _index;

    /// <param name="categories">The ordered categories (the order the weights use); distinct.</param>
    public RatingTable(IReadOnlyList<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count == 0 || categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
        {
            throw new ArgumentException("categories must be non-empty and distinct", nameof(categories));
        }

        Categories = [.. categories];
        _index = Categories.Select((c, i) => (c, i)).ToDictionary(e => e.c, e => e.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Categories { get; }

    /// <summary>q, the number of categories.</summary>
    public int CategoryCount => Categories.Count;

    /// <summary>Units with at least one rating (multiplicities included).</summary>
    public long Units => _rows.Values.Sum();

    /// <summary>The distinct rows (counts per category) with their multiplicities, in a fixed order.</summary>
    internal IEnumerable<KeyValuePair<int[], long>> Rows => _rows;

    /// <summary>Adds <paramref name="multiplicity"/> units whose raters chose category k <c>counts[k]</c> times.</summary>
    public void AddUnit(ReadOnlySpan<int> counts, long multiplicity = 1)
    {
        if (counts.Length != CategoryCount)
        {
            throw new ArgumentException($"expected {CategoryCount} counts, got {counts.Length}", nameof(counts));
        }

        foreach (var count in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(counts));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(multiplicity);
        Add(counts.ToArray(), multiplicity);
    }

    /// <summary>Adds one unit from the categories its raters chose (missing ratings simply absent).</summary>
    public void AddUnit(IEnumerable<string> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var counts = new int[CategoryCount];
        foreach (var rating in ratings)
        {
            if (!_index.TryGetValue(rating, out var k))
            {
                throw new ArgumentException($"rating '{rating}' is not one of the categories", nameof(ratings));
            }

            counts[k]++;
        }

        Add(counts, 1);
    }

    /// <summary>Adds another table's units into this one (shard partials into the batch).</summary>
    public void Merge(RatingTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.Categories.SequenceEqual(Categories, StringComparer.Ordinal))
        {
            throw new ArgumentException("tables over different category lists cannot be merged", nameof(other));
        }

        foreach (var (counts, multiplicity) in other._rows.ToList())
        {
            Add(counts, multiplicity);
        }
    }

    private void Add(int[] counts, long multiplicity)
    {
        if (multiplicity == 0 || counts.All(c => c == 0))
        {
            return;
        }

        _rows[counts] = _rows.GetValueOrDefault(counts) + multiplicity;
    }
}
