namespace Quality.Pipeline.Monitoring;

/// <summary>Persisted form of <see cref="ErrorTotals"/>.</summary>
public sealed record ErrorTotalsState(long Batches, IReadOnlyList<SubjectCount> Opportunities, IReadOnlyList<TypeCount> Errors, IReadOnlyList<ErrorTotalsBatch> Recent);
