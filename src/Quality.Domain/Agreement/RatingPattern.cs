namespace Quality.Domain.Agreement;

/// <summary>
/// One unit's ratings as a canonical key: the (annotator, value) pairs sorted by annotator (ordinal), one per annotator.
/// Two units with the same pattern are interchangeable for every statistic of <see cref="RatingPatterns"/>.
/// </summary>
internal sealed class RatingPattern : IEquatable<RatingPattern>, IComparable<RatingPattern>
{
    private readonly int _hash;

    private RatingPattern(Rating[] ratings)
    {
        Ratings = ratings;
        var hash = new HashCode();
        foreach (var rating in ratings)
        {
            hash.Add(rating.Annotator, StringComparer.Ordinal);
            hash.Add(rating.Value, StringComparer.Ordinal);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>The ratings, sorted by annotator.</summary>
    public IReadOnlyList<Rating> Ratings { get; }

    /// <summary>Builds the canonical pattern of a unit.</summary>
    /// <exception cref="ArgumentException">An annotator or value is null, or an annotator rated the unit twice.</exception>
    public static RatingPattern Of(IEnumerable<Rating> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var sorted = ratings.ToArray();
        foreach (var rating in sorted)
        {
            if (rating.Annotator is null || rating.Value is null)
            {
                throw new ArgumentException("a rating needs an annotator and a value", nameof(ratings));
            }
        }

        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Annotator, b.Annotator));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Annotator, sorted[i].Annotator, StringComparison.Ordinal))
            {
                throw new ArgumentException($"annotator '{sorted[i].Annotator}' rated the unit twice; one value per annotator and unit", nameof(ratings));
            }
        }

        return new RatingPattern(sorted);
    }

    /// <summary>The same unit without <paramref name="annotator"/>'s rating (this pattern itself if they did not rate it).</summary>
    public RatingPattern Without(string annotator) =>
        Ratings.Any(r => string.Equals(r.Annotator, annotator, StringComparison.Ordinal))
            ? new RatingPattern(Ratings.Where(r => !string.Equals(r.Annotator, annotator, StringComparison.Ordinal)).ToArray())
            : this;

    public bool Equals(RatingPattern? other) =>
        other is not null && _hash == other._hash && CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as RatingPattern);

    public override int GetHashCode() => _hash;

    /// <summary>Lexicographic over (annotator, value) pairs, ordinal; a prefix sorts first.</summary>
    public int CompareTo(RatingPattern? other)
    {
        if (other is null)
        {
            return 1;
        }

        var common = Math.Min(Ratings.Count, other.Ratings.Count);
        for (var i = 0; i < common; i++)
        {
            var byAnnotator = string.CompareOrdinal(Ratings[i].Annotator, other.Ratings[i].Annotator);
            if (byAnnotator != 0)
            {
                return byAnnotator;
            }

            var byValue = string.CompareOrdinal(Ratings[i].Value, other.Ratings[i].Value);
            if (byValue != 0)
            {
                return byValue;
            }
        }

        return Ratings.Count.CompareTo(other.Ratings.Count);
    }
}
