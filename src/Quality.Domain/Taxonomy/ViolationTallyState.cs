namespace Quality.Domain.Taxonomy;

/// <summary>
/// Persisted form of a <see cref="ViolationTally"/>: plain records System.Text.Json round-trips as they are, in
/// canonical order (counts by rule then class, examples by rule then <see cref="Violation.ExampleOrder"/>), so equal
/// tallies serialise to equal JSON.
/// </summary>
public sealed record ViolationTallyState(
    int ExamplesPerRule, long AnnotationsChecked, IReadOnlyList<ViolationCount> Counts, IReadOnlyList<Violation> Examples)
{
    /// <summary>Annotations checked per class as delivered (a tag's field): the denominators of per-class rates.</summary>
    public IReadOnlyDictionary<string, long>? CheckedByClass { get; init; }

    /// <summary>Checked annotations breaking at least one rule.</summary>
    public long AnnotationsViolating { get; init; }

    /// <summary>Annotations checked per annotator: the denominators of per-annotator rates.</summary>
    public IReadOnlyDictionary<string, long>? CheckedByAnnotator { get; init; }

    /// <summary>Per (rule, annotator), annotations breaking the rule.</summary>
    public IReadOnlyList<AnnotatorViolationCount>? ByAnnotator { get; init; }
}

/// <summary>
/// Under <paramref name="Rule"/>, objects of <paramref name="Class"/> (or tags of that field) broke it
/// <paramref name="Violations"/> times on <paramref name="Annotations"/> distinct annotations.
/// </summary>
public sealed record ViolationCount(string Rule, string Class, long Violations, long Annotations);

/// <summary>Of <paramref name="Annotator"/>'s checked annotations, <paramref name="Annotations"/> broke <paramref name="Rule"/>.</summary>
public sealed record AnnotatorViolationCount(string Rule, string Annotator, long Annotations);
