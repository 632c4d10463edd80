using System.Globalization;
using Quality.Domain.Findings;

namespace Quality.Pipeline.Rollups;

/// <summary>
/// Composes the brief of one day from the day's batches, the batches of the days before it and each pipeline's open
/// findings. Pure: the same inputs give the same brief, so the timer and a recompute agree.
/// </summary>
internal static class DailyBriefComposer
{
    public static DailyBrief Compose(
        DateOnly date, DateTimeOffset computedTime, IReadOnlyList<DayBatch> day, IReadOnlyList<DayBatch> history,
        IReadOnlyDictionary<string, IReadOnlyList<Finding>> openFindings)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(openFindings);
        var historyFrom = DailyRollup.DateKey(date.AddDays(-DailyBrief.HistoryDays));
        var pipelines = day
            .OrderBy(b => b.Batch.CreatedTime)
            .ThenBy(b => b.Batch.BatchId, StringComparer.Ordinal)
            .GroupBy(b => b.Batch.Pipeline ?? "(unknown)", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Pipeline(g.Key, [.. g], [.. history.Where(h => (h.Batch.Pipeline ?? "(unknown)") == g.Key)], historyFrom,
                openFindings.TryGetValue(g.Key, out var f) ? f : []))
            .ToList();
        var risks = BriefRiskRules.Top(pipelines.SelectMany(p => p.Risks.Select((r, rank) => (r, rank)))
            .OrderBy(r => KindOrder(r.r.Kind)).ThenBy(r => r.rank).ThenByDescending(r => r.r.Deliveries).Select(r => r.r));
        var note = day.Count == 0
            ? $"No deliveries arrived on {DailyRollup.DateKey(date)} (UTC): the day was computed and had nothing to audit."
            : null;
        return new DailyBrief(DailyRollup.DateKey(date), computedTime, day.Count, pipelines, risks, note);
    }

    private static PipelineBrief Pipeline(string pipeline, List<DayBatch> day, List<DayBatch> history, string historyFrom, IReadOnlyList<Finding> open)
    {
        var total = DeliveryTallies.Of(null, day, history, historyFrom);
        var vendors = day.GroupBy(b => b.Vendor, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => DeliveryTallies.Of(g.Key, [.. g], [.. history.Where(h => h.Vendor == g.Key)], historyFrom))
            .ToList();
        var findings = new OpenFindingCounts(
            open.Count,
            Enum.GetValues<FindingSeverity>().Reverse().ToDictionary(s => Name(s), s => open.Count(f => f.Severity == s), StringComparer.Ordinal),
            Enum.GetValues<FindingKind>().ToDictionary(k => Name(k), k => open.Count(f => f.Kind == k), StringComparer.Ordinal),
            open.Count(f => f.Kind == FindingKind.SystemError),
            open.Count(f => f.Kind == FindingKind.IndividualError));
        return new PipelineBrief(pipeline, total, vendors, findings, [.. BriefRiskRules.For(pipeline, day, vendors, open).Take(3)]);
    }

    private static int KindOrder(string kind) => kind switch { BriefRisk.Safety => 0, BriefRisk.Business => 1, _ => 2 };

    /// <summary>An enum member as the stored reports write it: camelCase (<c>systemError</c>, <c>critical</c>).</summary>
    private static string Name<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLower(name[0], CultureInfo.InvariantCulture) + name[1..];
    }
}
