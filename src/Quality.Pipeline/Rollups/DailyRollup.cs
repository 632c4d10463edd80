using System.Globalization;

namespace Quality.Pipeline.Rollups;

/// <summary>One day of one pipeline, as leadership reads it.</summary>
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
