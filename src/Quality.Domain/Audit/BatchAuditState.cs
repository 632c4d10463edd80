using Quality.Domain.Agreement;

namespace Quality.Domain.Audit;

/// <summary>Persisted form of a <see cref="BatchAudit"/> partial.</summary>
public sealed record BatchAuditState(
    long Items,
    long Annotations,
    IReadOnlyDictionary<string, long> AnnotationsByRole,
    IReadOnlyList<string> Annotators,
    IReadOnlyDictionary<string, RatingPatternsState> Fields)
{
    /// <summary>The boxes and cuboids audit; null when the partial has no objects.</summary>
    public SpatialAuditState? Spatial { get; init; }

    /// <summary>Taxonomy violations; null when the run checked no taxonomy.</summary>
    public Taxonomy.ViolationTallyState? Violations { get; init; }

    /// <summary>Frame tags against gold; null when the partial has no gold tag.</summary>
    public Tags.TagGoldAuditState? TagGold { get; init; }

    /// <summary>
    /// The root-cause strata of the partial's evidence (the drill-down's first pass), tallied where the evidence is made:
    /// Compute sets it on every partial (empty without evidence). Not part of <see cref="BatchAudit"/>, whose own state
    /// leaves it null: Finalize merges it on its own.
    /// </summary>
    public RootCauses.StrataTallyState? Strata { get; init; }
}
