namespace Quality.Domain.Agreement;

/// <summary>
/// Persisted form of <see cref="RatingPatterns"/>: every distinct unit pattern once, with the number of units that had it,
/// in canonical order (patterns ordinal by annotator then value). Plain strings and longs, so System.Text.Json
/// round-trips it as is.
/// </summary>
public sealed record RatingPatternsState(IReadOnlyList<RatingPatternState> Patterns);

/// <summary><paramref name="Units"/> units whose ratings were exactly <paramref name="Ratings"/> (sorted by annotator).</summary>
public sealed record RatingPatternState(IReadOnlyList<Rating> Ratings, long Units);
