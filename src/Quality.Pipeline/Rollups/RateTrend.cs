namespace Quality.Pipeline.Rollups;

/// <summary>
/// A pooled error rate of the day against the same pooled rate over the <see cref="DailyBrief.HistoryDays"/> days
/// before it: errors / opportunities with the Wilson 95% interval, and the difference (day − history) with Newcombe's
/// hybrid score 95% interval. <see cref="Trend"/> is <c>higher</c> or <c>lower</c> only when that interval excludes 0,
/// <c>no clear change</c> when it includes it, <c>no history</c> without earlier deliveries.
/// </summary>
public sealed record RateTrend(long Errors, long Opportunities, double? Rate, double[]? Ci95, RateHistory History, double? Difference, double[]? DifferenceCi95, string Trend)
{
    public const string Higher = "higher";
    public const string Lower = "lower";
    public const string NoClearChange = "no clear change";
    public const string NoHistory = "no history";
}
