namespace Quality.Domain.Audit;

/// <summary>One annotator's nonzero count of one error type (see <see cref="BatchErrorCounts"/>).</summary>
public sealed record ErrorCell(string Kind, string Subject, string? LabeledAs, string Annotator, long Count);
