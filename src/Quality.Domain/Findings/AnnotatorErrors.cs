namespace Quality.Domain.Findings;

/// <summary>One annotator's count of one error type in one delivery: <paramref name="Errors"/> out of <paramref name="Opportunities"/>.</summary>
/// <param name="Annotator">The annotator id.</param>
/// <param name="Errors">How many opportunities became this error (e.g. gold Wheelchair objects labeled Pedestrian).</param>
/// <param name="Opportunities">How many chances there were (e.g. gold Wheelchair objects this annotator labeled); 0 drops the annotator.</param>
public readonly record struct AnnotatorErrors(string Annotator, long Errors, long Opportunities);
