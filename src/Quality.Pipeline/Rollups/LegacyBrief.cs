using Quality.Pipeline.Runs;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// A day stored by the rollup before the brief (schema 1: one table row per pipeline) read as a brief: what those rows
/// hold — batches, items, annotations, statuses — and a note that says what they lack and how to get it. Their alpha
/// (a mean of the batches' nominal alphas) is not carried over: it was no statistic of the day.
/// </summary>
internal static class LegacyBrief
{
    public static DailyBrief From(string date, IReadOnlyList<DailyRollup> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var pipelines = rows.OrderBy(r => r.Pipeline, StringComparer.Ordinal).Select(r => new PipelineBrief(
            r.Pipeline,
            new DeliveryTally(null, r.Deliveries, 0, r.StatusCounts, r.Items, r.Annotations,
                new VerdictCounts(0, 0, 0, r.StatusCounts.Where(s => s.Key != nameof(RunStatus.Rejected)).Sum(s => s.Value)), new LotCounts(0, 0, 0), 0, null, null, []),
            [],
            new OpenFindingCounts(0, new Dictionary<string, int>(), new Dictionary<string, int>(), 0, 0),
            [])).ToList();
        return new DailyBrief(date, rows.Count == 0 ? default : rows.Max(r => r.ComputedTime), rows.Sum(r => r.Deliveries), pipelines, [],
            $"Stored by the rollup before the daily brief (schema 1): its delivery counts include review deliveries, and it kept no verdicts, lots, error rates, agreement intervals or findings. POST /api/rollups/daily?date={date} (admin) computes the day again as a brief.")
        {
            SchemaVersion = 1,
        };
    }
}
