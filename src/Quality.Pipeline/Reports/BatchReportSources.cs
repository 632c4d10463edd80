using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Sampling;

namespace Quality.Pipeline.Reports;

/// <summary>
/// Everything a batch report shows, as the domain views the API serves and <c>quality audit</c> computes: the stored
/// reports of a completed batch (<see cref="BatchReportReader"/>) or the offline audit's. A view that is null is a
/// section the report says it has no data for, with <see cref="Missing"/>'s reason where one is known.
/// </summary>
public sealed record BatchReportSources
{
    public required BatchIdentity Batch { get; init; }

    public AgreementSuiteView? Agreement { get; init; }

    /// <summary>Gold audit and spatial agreement of boxes and cuboids; null when the batch has none.</summary>
    public SpatialReportView? Objects { get; init; }

    /// <summary>Frame tags against gold; null when the batch has no gold tags.</summary>
    public TagGoldView? TagGold { get; init; }

    public ViolationReport? Violations { get; init; }

    public Verdict? Verdict { get; init; }

    public BatchFindings? Findings { get; init; }

    public AuditSample? Sample { get; init; }

    /// <summary>Where errors concentrate; null when no objects were compared with gold.</summary>
    public Quality.Domain.RootCauses.RootCauseReport? RootCauses { get; init; }

    public LotDecision? Disposition { get; init; }

    /// <summary>The pipeline's headline series, each up to and including this batch.</summary>
    public IReadOnlyList<ReportSeries> Series { get; init; } = [];

    /// <summary>Why a section has no data, by section key (<c>verdict</c>, <c>findings</c>, <c>sample</c>, <c>disposition</c>, <c>spc</c>), where the source knows better than the report.</summary>
    public IReadOnlyDictionary<string, string> Missing { get; init; } = new Dictionary<string, string>();
}
