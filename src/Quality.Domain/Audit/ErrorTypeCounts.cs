using Quality.Domain.Findings;

namespace Quality.Domain.Audit;

/// <summary>One error type of a batch with each annotator's errors and opportunities.</summary>
public sealed record ErrorTypeCounts(string Kind, string Subject, string? LabeledAs, IReadOnlyList<AnnotatorErrors> Annotators);
