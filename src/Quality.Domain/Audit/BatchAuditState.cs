using Quality.Domain.Agreement;

namespace Quality.Domain.Audit;

/// <summary>Persisted form of a <see cref="BatchAudit"/> partial.</summary>
public sealed record BatchAuditState(
    long Items,
    long Annotations,
    IReadOnlyDictionary<string, long> AnnotationsByRole,
    IReadOnlyList<string> Annotators,
    IReadOnlyDictionary<string, RatingPatternsState> Fields);
