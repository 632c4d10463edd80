namespace Quality.Domain.Findings;

/// <summary>The severity of a finding.</summary>
/// <remarks>
/// System error: High; Critical when the rate is ≥ 5 × the reference or ≥ 10%. Systematic confusion: Medium; High on
/// the same size condition. Structural: High; Critical when the rate is ≥ 5 × the rest's or ≥ 10%. Individual error: Medium; High when its annotator's rate is ≥ 10%. Process signal:
/// Low. A finding on a safety-relevant class (caller's list, e.g. Pedestrian, Wheelchair, Cyclist) is one level higher,
/// at most Critical.
/// </remarks>
internal static class FindingSeverityRule
{
    private const double LargeRatio = 5;
    private const double LargeRate = 0.10;

    public static FindingSeverity Of(FindingKind kind, double rate, double ratio, IReadOnlyList<string> classes, IReadOnlySet<string>? safetyRelevant)
    {
        var large = rate >= LargeRate || ratio >= LargeRatio;
        var severity = kind switch
        {
            FindingKind.SystemError or FindingKind.Structural => large ? FindingSeverity.Critical : FindingSeverity.High,
            FindingKind.SystematicConfusion => large ? FindingSeverity.High : FindingSeverity.Medium,
            FindingKind.IndividualError => rate >= LargeRate ? FindingSeverity.High : FindingSeverity.Medium,
            _ => FindingSeverity.Low,
        };
        var safety = safetyRelevant is not null && classes.Any(safetyRelevant.Contains);
        return safety && severity < FindingSeverity.Critical ? severity + 1 : severity;
    }
}
