namespace Quality.Pipeline.Rollups;

/// <summary>
/// One delivery's headline agreement as computed: the weakest field's Krippendorff's alpha at that field's level, named
/// so (<c>Krippendorff's alpha (ordinal)</c>), with its bootstrap 95% interval — a delivery's statistic, never averaged
/// with others'. <see cref="HistoryMedian"/> is the median of the vendor's (or pipeline's) headline alpha over the
/// deliveries of the <see cref="DailyBrief.HistoryDays"/> days before; <see cref="Trend"/> says whether this delivery's
/// interval lies wholly below it (<c>lower</c>), above it (<c>higher</c>), or includes it.
/// </summary>
public sealed record DeliveryAgreement(
    string Batch, string? Vendor, string? DeliveryId, string Statistic, string? Field, double? Value, double[]? Ci95,
    string? UndefinedReason, double? HistoryMedian, int HistoryDeliveries, string Trend)
{
    /// <summary>The trend of a delivery whose alpha is not defined (<see cref="UndefinedReason"/> says why).</summary>
    public const string Undefined = "undefined";
}
