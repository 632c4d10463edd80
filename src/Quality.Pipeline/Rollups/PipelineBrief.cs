namespace Quality.Pipeline.Rollups;

/// <summary>One pipeline's day: all its vendors together, each vendor apart, its open findings and its top risks.</summary>
public sealed record PipelineBrief(
    string Pipeline,
    DeliveryTally Total,
    IReadOnlyList<DeliveryTally> Vendors,
    OpenFindingCounts OpenFindings,
    IReadOnlyList<BriefRisk> Risks);
