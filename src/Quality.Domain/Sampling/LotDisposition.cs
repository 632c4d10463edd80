using Quality.Domain.Matching;

namespace Quality.Domain.Sampling;

/// <summary>
/// The decision on a lot from the review of its sample: d nonconforming units among those reviewed, against the
/// plan's Ac/Re, with the population error rate the design weights give.
/// </summary>
/// <param name="Decision"><c>accepted</c> (all reviewed, d &lt; Re), <c>rejected</c> (d ≥ Re, even before all are reviewed:
/// no further result can undo it) or <c>incomplete</c> (units not reviewed and d &lt; Re so far).</param>
/// <param name="SampleRate">d / reviewed with its Clopper–Pearson interval: the rate in the sample as drawn.</param>
/// <param name="PopulationRate">The lot's error rate weighted by 1/π per stratum (<see cref="StratifiedErrorRate"/>): the
/// unbiased figure when the sample was risk-weighted or stratified unequally.</param>
/// <param name="NotReviewed">Sampled units the review did not cover.</param>
public sealed record LotDisposition(
    AuditPlan Plan,
    int Sampled,
    int Reviewed,
    int Nonconforming,
    string Decision,
    RateEstimate SampleRate,
    ErrorRateEstimate PopulationRate,
    IReadOnlyList<UnitReview> Units,
    IReadOnlyList<string> NotReviewed)
{
    public const string Accepted = "accepted";

    public const string Rejected = "rejected";

    public const string Incomplete = "incomplete";

    /// <summary>Whether the lot is decided: then the vendor's inspection state advances with it.</summary>
    public bool IsDecided => Decision != Incomplete;

    /// <summary>The lot for the switching rules (<see cref="InspectionState.Next"/>): d under the plan's Ac/Re.</summary>
    public LotOutcome Outcome => new(Nonconforming, Plan.Accept, Plan.Reject);

    /// <summary>Decides a lot from the reviews of its sampled units.</summary>
    /// <remarks>
    /// Z1.4 assumes the sample is random; a stratified sample with a minimum per stratum, or a risk-weighted one, is not
    /// simple random, and enriching it for low-agreement units makes d, and so a rejection, likelier than the plan's
    /// operating characteristic says: the decision errs on the side of the consumer. <see cref="PopulationRate"/> corrects
    /// for the design and is the figure to quote as the lot's error rate.
    /// </remarks>
    /// <exception cref="ArgumentException">A review is for a unit that was not sampled, or a unit is reviewed twice.</exception>
    public static LotDisposition Decide(AuditSample sample, IReadOnlyList<UnitReview> reviews, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(reviews);
        var sampled = sample.Items.Select(i => i.Unit).ToHashSet(StringComparer.Ordinal);
        var byUnit = new SortedDictionary<string, UnitReview>(StringComparer.Ordinal);
        foreach (var review in reviews)
        {
            if (!sampled.Contains(review.Unit))
            {
                throw new ArgumentException($"Item '{review.Item}' of annotator '{review.Annotator}' was reviewed but is not in the sample.", nameof(reviews));
            }

            if (!byUnit.TryAdd(review.Unit, review))
            {
                throw new ArgumentException($"Item '{review.Item}' of annotator '{review.Annotator}' was reviewed twice.", nameof(reviews));
            }
        }

        var nonconforming = byUnit.Values.Count(r => r.Nonconforming);
        var notReviewed = sample.Items.Where(i => !byUnit.ContainsKey(i.Unit)).Select(i => i.Unit).ToList();
        var decision = nonconforming >= sample.Plan.Reject ? Rejected : notReviewed.Count > 0 ? Incomplete : Accepted;
        return new LotDisposition(
            sample.Plan,
            sample.Items.Count,
            byUnit.Count,
            nonconforming,
            decision,
            ClopperPearsonInterval.Compute(nonconforming, byUnit.Count, confidence),
            StratifiedErrorRate.Estimate(sample.ToManifest(), byUnit.ToDictionary(r => r.Key, r => r.Value.Nonconforming, StringComparer.Ordinal), confidence),
            [.. byUnit.Values],
            notReviewed);
    }
}
