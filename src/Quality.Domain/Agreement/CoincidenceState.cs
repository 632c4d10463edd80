namespace Quality.Domain.Agreement;

/// <summary>Persisted form of a <see cref="CoincidenceMatrix"/>: integer pair counts per number of pairable values.</summary>
public sealed record CoincidenceState(IReadOnlyList<CoincidenceGroup> Groups);

/// <summary>The units with <paramref name="PairableValues"/> values each, and their ordered value-pair counts.</summary>
public sealed record CoincidenceGroup(int PairableValues, long Units, IReadOnlyList<CoincidencePair> Pairs);

/// <summary>Σ_u n_uc·(n_uk − [c = k]) for the ordered pair (c, k).</summary>
public sealed record CoincidencePair(string C, string K, long Count);
