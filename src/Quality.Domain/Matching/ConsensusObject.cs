namespace Quality.Domain.Matching;

/// <summary>One physical object as the annotators saw it: at most one observation per annotator, in annotator order.</summary>
public sealed record ConsensusObject(IReadOnlyList<Observation> Observations);
