namespace Quality.Domain.Matching;

/// <summary>One row of a gold comparison: a matched pair, a missed reference object or an extra candidate object.</summary>
/// <param name="Reference">The reference object's index; null for <see cref="MatchOutcome.Extra"/>.</param>
/// <param name="Candidate">The candidate object's index; null for <see cref="MatchOutcome.Missed"/>.</param>
/// <param name="Similarity">The pair's similarity; NaN when nothing was matched.</param>
public readonly record struct ObjectOutcome(
    MatchOutcome Outcome, int? Reference, int? Candidate, string? ReferenceClass, string? CandidateClass, double Similarity);
