using Microsoft.Extensions.Logging;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// <c>DailyRollup</c>: aggregates the batches that arrived on one UTC day, per pipeline. Recomputed from the batch
/// list each time (never incremented), so running it twice, or again later for the same day, gives the same rows.
/// </summary>
public sealed partial class DailyRollupJob(
    TableBatchStore batches,
    TableRollupStore rollups,
    TimeProvider time,
    ILogger<DailyRollupJob> logger)
{
    public async Task<IReadOnlyList<DailyRollup>> RunAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var day = await batches.ListCreatedBetweenAsync(from, from.AddDays(1), cancellationToken);
        var now = time.GetUtcNow();
        var key = DailyRollup.DateKey(date);
        var result = day
            .GroupBy(b => b.Pipeline ?? "(unknown)", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Aggregate(key, g.Key, g.ToList(), now))
            .ToList();
        foreach (var rollup in result)
        {
            await rollups.WriteAsync(rollup, cancellationToken);
        }

        LogRolledUp(logger, key, day.Count, result.Count);
        return result;
    }

    private static DailyRollup Aggregate(string date, string pipeline, List<BatchSummary> batches, DateTimeOffset now)
    {
        var alphas = batches
            .Where(b => b.Status == RunStatus.Completed && b.Metrics is { } m && !double.IsNaN(m.KrippendorffAlphaNominal))
            .Select(b => b.Metrics!.KrippendorffAlphaNominal)
            .ToList();
        return new DailyRollup(
            date,
            pipeline,
            batches.Count,
            batches.Sum(b => b.Metrics?.Items ?? 0),
            batches.Sum(b => b.Metrics?.Annotations ?? 0),
            batches.GroupBy(b => b.Status.ToString(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            alphas.Count,
            alphas.Count == 0 ? double.NaN : alphas.Average(),
            alphas.Count == 0 ? double.NaN : alphas.Min(),
            alphas.Count == 0 ? double.NaN : alphas.Max(),
            now);
    }

    // The day as ISO 8601 text: a DateOnly argument is written in the invariant culture's "11/24/2026".
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Daily rollup {Date}: {Batches} batches in {Pipelines} pipelines")]
    private static partial void LogRolledUp(ILogger logger, string date, int batches, int pipelines);
}
