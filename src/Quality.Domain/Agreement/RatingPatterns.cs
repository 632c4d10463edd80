namespace Quality.Domain.Agreement;

/// <summary>
/// The ratings of one field as a mergeable sufficient statistic: each distinct unit pattern (its sorted
/// annotator → value pairs, missing values absent) with the number of units that had it.
/// </summary>
/// <remarks>
/// <para>
/// Every statistic of <see cref="KrippendorffAlpha"/> (point estimate, bootstrap over units, per category, per annotator)
/// depends on the units only through their patterns, so nothing else is kept. Counts are integers: <see cref="Merge"/>
/// is exact, associative and commutative, and the statistics read the patterns in canonical order, so any split into
/// shards merged in any order gives bit-identical figures.
/// </para>
/// <para>
/// Units with a single value are kept (they count among <see cref="Units"/> and an annotator's values) although alpha
/// leaves them out. Memory grows with the number of distinct patterns, never with the number of units.
/// </para>
/// </remarks>
public sealed class RatingPatterns
{
    private readonly Dictionary<RatingPattern, long> _units = [];

    /// <summary>Units added with at least one value.</summary>
    public long Units { get; private set; }

    /// <summary>Distinct unit patterns.</summary>
    public int DistinctPatterns => _units.Count;

    /// <summary>Adds one unit: the value each annotator gave (annotators without a value simply absent).</summary>
    /// <remarks>A unit without any value carries no information and is not counted.</remarks>
    /// <exception cref="ArgumentException">An annotator appears twice, or an annotator or value is null.</exception>
    public void AddUnit(IEnumerable<Rating> ratings)
    {
        var pattern = RatingPattern.Of(ratings);
        if (pattern.Ratings.Count > 0)
        {
            Add(pattern, 1);
        }
    }

    /// <summary>Adds another field's patterns into this one (shard partials into the batch).</summary>
    public void Merge(RatingPatterns other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (pattern, units) in other._units)
        {
            Add(pattern, units);
        }
    }

    /// <summary>The state to persist a partial, in canonical order; <see cref="FromState"/> restores it exactly.</summary>
    public RatingPatternsState ToState() =>
        new(Sorted().Select(p => new RatingPatternState(p.Pattern.Ratings, p.Units)).ToList());

    /// <exception cref="ArgumentException">A pattern is empty, has a repeated annotator, or a unit count below 1.</exception>
    public static RatingPatterns FromState(RatingPatternsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var patterns = new RatingPatterns();
        foreach (var entry in state.Patterns)
        {
            var pattern = RatingPattern.Of(entry.Ratings);
            if (pattern.Ratings.Count == 0 || entry.Units < 1)
            {
                throw new ArgumentException($"invalid rating pattern: {pattern.Ratings.Count} ratings, {entry.Units} units", nameof(state));
            }

            patterns.Add(pattern, entry.Units);
        }

        return patterns;
    }

    /// <summary>The patterns in canonical order: the one order every statistic sums in.</summary>
    internal IReadOnlyList<(RatingPattern Pattern, long Units)> Sorted()
    {
        var sorted = _units.Select(p => (p.Key, p.Value)).ToArray();
        Array.Sort(sorted, static (a, b) => a.Key.CompareTo(b.Key));
        return sorted;
    }

    /// <summary>The annotators and the number of values each gave, ordinal by annotator.</summary>
    internal SortedDictionary<string, long> ValuesByAnnotator()
    {
        var values = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (pattern, units) in _units)
        {
            foreach (var rating in pattern.Ratings)
            {
                values[rating.Annotator] = values.GetValueOrDefault(rating.Annotator) + units;
            }
        }

        return values;
    }

    /// <summary>The same units with <paramref name="annotator"/>'s values left out.</summary>
    internal RatingPatterns Without(string annotator)
    {
        var rest = new RatingPatterns();
        foreach (var (pattern, units) in _units)
        {
            var kept = pattern.Without(annotator);
            if (kept.Ratings.Count > 0)
            {
                rest.Add(kept, units);
            }
        }

        return rest;
    }

    private void Add(RatingPattern pattern, long units)
    {
        _units[pattern] = _units.GetValueOrDefault(pattern) + units;
        Units += units;
    }
}
