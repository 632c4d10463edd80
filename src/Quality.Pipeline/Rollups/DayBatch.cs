using Quality.Domain.Standards;
using Quality.Pipeline.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// A batch as the brief reads it: its summary, the rules its verdict failed, for a review the lot it decided (and how
/// many items that lot holds), and its points on the pooled error-rate series (errors, opportunities).
/// </summary>
internal sealed record DayBatch(BatchSummary Batch)
{
    public IReadOnlyList<VerdictReason> FailedRules { get; init; } = [];

    public LotDecision? Lot { get; init; }

    /// <summary>Items of the lot a review decided (the reviewed batch's items).</summary>
    public long LotItems { get; init; }

    public (long Errors, long Opportunities)? GoldErrors { get; init; }

    public (long Errors, long Opportunities)? Violations { get; init; }

    public bool IsReview => Batch.Reviews is not null;

    public string Vendor => Batch.Vendor ?? "(unknown)";
}
