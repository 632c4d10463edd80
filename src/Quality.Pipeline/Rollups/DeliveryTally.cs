namespace Quality.Pipeline.Rollups;

/// <summary>
/// The day's deliveries of one vendor on one pipeline (or of all its vendors, <see cref="Vendor"/> null): vendor
/// deliveries and review deliveries apart, the batches' statuses, verdicts, the lots decided by the day's reviews, the
/// pooled error rates with their trend, and each delivery's agreement with its interval.
/// </summary>
/// <param name="VendorDeliveries">Deliveries of labels (each a lot); review deliveries are counted apart.</param>
/// <param name="ReviewDeliveries">Deliveries of a reviewer's labels of a lot's sample (the header's <c>reviews</c>).</param>
/// <param name="Statuses">Batches of the day (vendor and review deliveries) by status: Completed, Failed, Rejected, Running, Pending.</param>
/// <param name="Items">Items in the day's completed vendor deliveries.</param>
/// <param name="ItemsSentToRework">
/// Items going back to the vendor after the day's lot decisions: every item of a rejected lot (Z1.4: a rejected lot is
/// returned for screening), and the items of the nonconforming units found in an accepted lot's sample.
/// </param>
/// <param name="GoldErrorRate">Gold objects missed or misclassified, pooled over the day's deliveries; null without gold.</param>
/// <param name="ViolationRate">Annotations breaking a taxonomy rule, pooled; null when no taxonomy was checked.</param>
/// <param name="Agreement">Each completed vendor delivery's headline agreement, in delivery order.</param>
public sealed record DeliveryTally(
    string? Vendor,
    int VendorDeliveries,
    int ReviewDeliveries,
    IReadOnlyDictionary<string, int> Statuses,
    long Items,
    long Annotations,
    VerdictCounts Verdicts,
    LotCounts Lots,
    long ItemsSentToRework,
    RateTrend? GoldErrorRate,
    RateTrend? ViolationRate,
    IReadOnlyList<DeliveryAgreement> Agreement);
