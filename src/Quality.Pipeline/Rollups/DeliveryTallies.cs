using Quality.Domain.Agreement;
using Quality.Domain.Audit;
using Quality.Domain.Matching;
using Quality.Domain.Sampling;
using Quality.Pipeline.Runs;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// Tallies a set of the day's batches (one vendor's, or a pipeline's) into a <see cref="DeliveryTally"/> against the
/// same set's history. Pure: the same batches give the same tally.
/// </summary>
internal static class DeliveryTallies
{
    public static DeliveryTally Of(string? vendor, IReadOnlyList<DayBatch> day, IReadOnlyList<DayBatch> history, string historyFrom)
    {
        var deliveries = day.Where(b => !b.IsReview).ToList();
        var reviews = day.Where(b => b.IsReview).ToList();
        var completed = deliveries.Where(b => b.Batch.Status == RunStatus.Completed).ToList();
        var lots = reviews.Select(r => r.Lot?.Disposition.Decision).ToList();
        return new DeliveryTally(
            vendor,
            deliveries.Count,
            reviews.Count,
            day.GroupBy(b => b.Batch.Status.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            completed.Sum(b => b.Batch.Metrics?.Items ?? 0),
            completed.Sum(b => b.Batch.Metrics?.Annotations ?? 0),
            new VerdictCounts(
                deliveries.Count(b => b.Batch.Verdict == "Accepted"),
                deliveries.Count(b => b.Batch.Verdict == "AcceptedWithFindings"),
                deliveries.Count(b => b.Batch.Verdict == "Rejected"),
                deliveries.Count(b => b.Batch.Verdict is null)),
            new LotCounts(
                lots.Count(d => d == LotDisposition.Accepted),
                lots.Count(d => d == LotDisposition.Rejected),
                lots.Count(d => d == LotDisposition.Incomplete)),
            reviews.Sum(ItemsSentToRework),
            Trend(deliveries, history, b => b.GoldErrors, historyFrom),
            Trend(deliveries, history, b => b.Violations, historyFrom),
            [.. completed.Select(b => Agreement(b, history.Where(h => vendor is null || h.Vendor == vendor).ToList()))]);
    }

    /// <summary>A rejected lot goes back whole; an accepted one sends back the items of the nonconforming units its sample found.</summary>
    private static long ItemsSentToRework(DayBatch review) => review.Lot?.Disposition is not { } lot
        ? 0
        : lot.Decision == LotDisposition.Rejected
            ? review.LotItems
            : lot.Decision == LotDisposition.Accepted
                ? lot.Units.Where(u => u.Nonconforming).Select(u => u.Item).Distinct(StringComparer.Ordinal).Count()
                : 0;

    private static RateTrend? Trend(
        IReadOnlyList<DayBatch> day, IReadOnlyList<DayBatch> history, Func<DayBatch, (long Errors, long Opportunities)?> figure, string historyFrom)
    {
        var today = day.Select(figure).OfType<(long Errors, long Opportunities)>().ToList();
        if (today.Count == 0)
        {
            return null;
        }

        var before = history.Select(figure).OfType<(long Errors, long Opportunities)>().ToList();
        var (errors, opportunities) = (today.Sum(p => p.Errors), today.Sum(p => p.Opportunities));
        var (pastErrors, pastOpportunities) = (before.Sum(p => p.Errors), before.Sum(p => p.Opportunities));
        var rate = WilsonScoreInterval.Compute(errors, opportunities);
        var past = WilsonScoreInterval.Compute(pastErrors, pastOpportunities);
        var difference = NewcombeDifferenceInterval.Compute(errors, opportunities, pastErrors, pastOpportunities);
        var trend = pastOpportunities == 0 || opportunities == 0 ? RateTrend.NoHistory
            : difference.Lower > 0 ? RateTrend.Higher
            : difference.Upper < 0 ? RateTrend.Lower
            : RateTrend.NoClearChange;
        return new RateTrend(errors, opportunities, AgreementView.Defined(rate.Value), AgreementView.Interval(rate.Lower, rate.Upper),
            new RateHistory(historyFrom, before.Count, pastErrors, pastOpportunities, AgreementView.Defined(past.Value), AgreementView.Interval(past.Lower, past.Upper)),
            AgreementView.Defined(difference.Value), AgreementView.Interval(difference.Lower, difference.Upper), trend);
    }

    private static DeliveryAgreement Agreement(DayBatch batch, IReadOnlyList<DayBatch> history)
    {
        var b = batch.Batch;
        var m = b.Metrics!;
        var field = m.WeakestField is { } name && m.Fields.TryGetValue(name, out var f) ? f : null;
        var statistic = StatisticNames.KrippendorffAlpha(field?.Level ?? MeasurementLevel.Nominal);
        var past = history.Where(h => !h.IsReview && h.Batch.Metrics is { } hm && double.IsFinite(hm.KrippendorffAlpha))
            .Select(h => h.Batch.Metrics!.KrippendorffAlpha).Order().ToList();
        double? median = past.Count == 0 ? null : past.Count % 2 == 1 ? past[past.Count / 2] : (past[(past.Count / 2) - 1] + past[past.Count / 2]) / 2;
        var ci = field is null ? null : AgreementView.Interval(field.AlphaLower, field.AlphaUpper);
        var trend = median is not { } md ? RateTrend.NoHistory
            : ci is [var lo, var hi] ? (hi < md ? RateTrend.Lower : lo > md ? RateTrend.Higher : RateTrend.NoClearChange)
            : RateTrend.NoClearChange;
        var defined = double.IsFinite(m.KrippendorffAlpha);
        return new DeliveryAgreement(b.BatchId, b.Vendor, b.DeliveryId, statistic, m.WeakestField, AgreementView.Defined(m.KrippendorffAlpha), ci,
            defined ? null : m.WhyAlphaUndefined(), median, past.Count, defined ? trend : DeliveryAgreement.Undefined);
    }
}
