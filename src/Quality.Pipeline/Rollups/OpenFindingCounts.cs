namespace Quality.Pipeline.Rollups;

/// <summary>
/// The pipeline's findings open when the brief was computed, by severity and by kind; system errors (fix the guideline,
/// taxonomy or tool) and individual errors (coach the annotators named) are the two a program lead acts on differently.
/// </summary>
public sealed record OpenFindingCounts(
    int Total, IReadOnlyDictionary<string, int> BySeverity, IReadOnlyDictionary<string, int> ByKind, int SystemErrors, int IndividualErrors);
