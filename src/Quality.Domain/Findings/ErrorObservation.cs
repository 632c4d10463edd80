namespace Quality.Domain.Findings;

/// <summary>One error type in one delivery: per annotator counts, and the history of the type (null when there is none).</summary>
public sealed record ErrorObservation(ErrorType Type, IReadOnlyList<AnnotatorErrors> Annotators, BaselineRate? Baseline);
