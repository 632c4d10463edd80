using Quality.Domain.Audit;
using Quality.Pipeline.Rollups;

namespace Quality.Functions.Rollups;

/// <summary>One pipeline's day: deliveries, items and annotations, their statuses, and the spread of the batches' alpha.</summary>
internal sealed record DailyRollupView(
    string Pipeline,
    int Deliveries,
    long Items,
    long Annotations,
    IReadOnlyDictionary<string, int> StatusCounts,
    AlphaSummaryView Alpha,
    DateTimeOffset ComputedTime)
{
    public static DailyRollupView From(DailyRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Pipeline, r.Deliveries, r.Items, r.Annotations, r.StatusCounts,
            new AlphaSummaryView(r.AlphaBatches, AgreementView.Defined(r.AlphaMean), AgreementView.Defined(r.AlphaMin), AgreementView.Defined(r.AlphaMax)),
            r.ComputedTime);
    }
}
