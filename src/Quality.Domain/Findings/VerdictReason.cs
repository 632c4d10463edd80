namespace Quality.Domain.Findings;

/// <summary>Which branch of the decision rule a verdict took; it selects the wording.</summary>
internal enum VerdictReason
{
    FewAnnotators,
    FewOpportunities,
    Individual,
    System,
    Pervasive,
    ElevatedNotSpread,
    HeterogeneousNoOutlier,
    Suggestive,
    NoHistory,
    Nothing,
}
