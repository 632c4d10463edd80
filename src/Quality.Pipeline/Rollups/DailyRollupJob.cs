using Microsoft.Extensions.Logging;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Standards;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// <c>DailyRollup</c>: computes the daily brief of one UTC day from the batches that arrived on it and the
/// <see cref="DailyBrief.HistoryDays"/> days before, their verdicts, lot decisions and error-rate series, and each
/// pipeline's open findings. Recomputed whole each time (never incremented), so running it twice gives the same brief
/// (but for open findings, which are read as they stand when it runs).
/// </summary>
public sealed partial class DailyRollupJob(
    TableBatchStore batches,
    TableRunStore runs,
    BlobReportStore reports,
    TableSeriesStore series,
    TableFindingStore findings,
    BlobBriefStore briefs,
    TimeProvider time,
    ILogger<DailyRollupJob> logger)
{
    public async Task<DailyBrief> RunAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var day = await batches.ListCreatedBetweenAsync(from, from.AddDays(1), cancellationToken);
        var pipelines = day.Select(b => b.Pipeline).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var before = (await batches.ListCreatedBetweenAsync(from.AddDays(-DailyBrief.HistoryDays), from, cancellationToken))
            .Where(b => b.Pipeline is not null && pipelines.Contains(b.Pipeline)).ToList();
        var points = new Dictionary<string, SeriesPoints>(StringComparer.Ordinal);
        var open = new Dictionary<string, IReadOnlyList<Finding>>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            points[pipeline] = new SeriesPoints(
                await PointsAsync(pipeline, MonitoredMetric.GoldErrorRate, cancellationToken),
                await PointsAsync(pipeline, MonitoredMetric.ViolationRate, cancellationToken));
            open[pipeline] = await findings.ListAsync(pipeline, FindingStatus.Open, null, cancellationToken);
        }

        var dayBatches = new List<DayBatch>();
        foreach (var batch in day)
        {
            dayBatches.Add(await ReadAsync(batch, points, cancellationToken));
        }

        var history = before.Select(b => WithPoints(new DayBatch(b), points)).ToList();
        var brief = DailyBriefComposer.Compose(date, time.GetUtcNow(), dayBatches, history, open);
        await briefs.WriteAsync(brief, cancellationToken);
        LogRolledUp(logger, brief.Date, day.Count, brief.Pipelines.Count);
        return brief;
    }

    private async Task<DayBatch> ReadAsync(BatchSummary batch, Dictionary<string, SeriesPoints> points, CancellationToken cancellationToken)
    {
        var read = WithPoints(new DayBatch(batch), points);
        if (batch.Status != RunStatus.Completed)
        {
            return read;
        }

        if (batch.Verdict is not null
            && await reports.ReadAsync(batch.BatchId, BlobReportStore.Verdict, cancellationToken) is { } verdict)
        {
            read = read with { FailedRules = [.. ReportJson.Deserialize<Verdict>(verdict).Reasons.Where(r => r.Status == RuleStatus.Failed)] };
        }

        if (batch.Reviews is { } reviewed
            && await reports.ReadAsync(batch.BatchId, BlobReportStore.Disposition, cancellationToken) is { } disposition)
        {
            var lot = ReportJson.Deserialize<LotDecision>(disposition);
            var items = (await runs.GetAsync(reviewed, cancellationToken))?.Metrics?.Items ?? 0;
            read = read with { Lot = lot, LotItems = items };
        }

        return read;
    }

    private static DayBatch WithPoints(DayBatch batch, Dictionary<string, SeriesPoints> points) =>
        batch.Batch.Pipeline is { } p && points.TryGetValue(p, out var series)
            ? batch with { GoldErrors = series.Gold.GetValueOrDefault(batch.Batch.BatchId), Violations = series.Violations.GetValueOrDefault(batch.Batch.BatchId) }
            : batch;

    /// <summary>The pipeline's all-vendor series of a proportion, by batch: (errors, opportunities).</summary>
    private async Task<Dictionary<string, (long, long)?>> PointsAsync(string pipeline, MonitoredMetric metric, CancellationToken cancellationToken) =>
        (await series.ReadAsync(new SeriesKey(pipeline, metric.Name, null, null), cancellationToken))
            .Where(p => p.Count is not null && p.Size is not null)
            .GroupBy(p => p.BatchId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ((long, long)?)((long)g.First().Count!.Value, (long)g.First().Size!.Value), StringComparer.Ordinal);

    private sealed record SeriesPoints(Dictionary<string, (long, long)?> Gold, Dictionary<string, (long, long)?> Violations);

    // The day as ISO 8601 text: a DateOnly argument is written in the invariant culture's "11/24/2026".
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information, Message = "Daily rollup {Date}: {Batches} batches in {Pipelines} pipelines")]
    private static partial void LogRolledUp(ILogger logger, string date, int batches, int pipelines);
}
