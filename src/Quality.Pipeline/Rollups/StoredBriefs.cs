using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Rollups;

/// <summary>A day's brief as stored: the brief when the day was computed as one, else the rows of the rollup before it, else null (not computed).</summary>
public sealed class StoredBriefs(BlobBriefStore briefs, TableRollupStore legacy)
{
    public async Task<DailyBrief?> ReadAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var key = DailyRollup.DateKey(date);
        if (await briefs.ReadAsync(key, cancellationToken) is { } brief)
        {
            return brief;
        }

        var rows = await legacy.ReadDayAsync(key, cancellationToken);
        return rows.Count == 0 ? null : LegacyBrief.From(key, rows);
    }
}
