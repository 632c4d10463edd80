using System.Globalization;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// One day of one pipeline as the rollup stored it before the daily brief (schema 1, the <c>rollups</c> table): read only,
/// into a <see cref="LegacyBrief"/>. <see cref="DateKey"/> is the day as every brief names it.
/// </summary>
public sealed record DailyRollup(
    string Date,
    string Pipeline,
    int Deliveries,
    long Items,
    long Annotations,
    IReadOnlyDictionary<string, int> StatusCounts,
    int AlphaBatches,
    double AlphaMean,
    double AlphaMin,
    double AlphaMax,
    DateTimeOffset ComputedTime)
{
    public static string DateKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
