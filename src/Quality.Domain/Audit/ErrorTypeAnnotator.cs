namespace Quality.Domain.Audit;

/// <summary>One annotator's errors of a type out of the opportunities they had.</summary>
public readonly record struct ErrorTypeAnnotator(string Annotator, long Errors, long Opportunities);
