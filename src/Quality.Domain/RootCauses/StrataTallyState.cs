using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// Persisted form of a first-pass <see cref="StrataTally"/> (each stratum alone): a shard's Compute tallies its evidence
/// and the tally travels in its partial, so Finalize merges the shards' tallies in shard order instead of reading the
/// pairs report once more for them.
/// </summary>
public sealed record StrataTallyState(IReadOnlyList<StrataCellState> Cells);

/// <summary>One cell: an error kind and a level of one stratum, its counts in total and per annotator, its first error rows.</summary>
public sealed record StrataCellState(
    string Kind,
    string Stratum,
    string Level,
    long Errors,
    long Opportunities,
    IReadOnlyDictionary<string, AnnotatorCountsState> ByAnnotator,
    IReadOnlyList<EvidencePair> Examples);

public sealed record AnnotatorCountsState(long Errors, long Opportunities);
