using Azure.Data.Tables;
using Quality.Pipeline.Rollups;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>rollups</c> table: partition = day (yyyy-MM-dd), row = pipeline — the rollup as stored before the daily brief
/// (schema 1). Read only, so the days it holds still answer (<see cref="LegacyBrief"/>); briefs are
/// <see cref="BlobBriefStore"/>'s. An undefined figure was stored as absent.
/// </summary>
public sealed class TableRollupStore(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(storage.Names.Rollups);

    public async Task<IReadOnlyList<DailyRollup>> ReadDayAsync(string date, CancellationToken cancellationToken)
    {
        var rows = new List<DailyRollup>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {date}"), cancellationToken: cancellationToken))
        {
            rows.Add(new DailyRollup(
                e.PartitionKey,
                e.RowKey,
                e.GetInt32("Deliveries") ?? 0,
                e.GetInt64("Items") ?? 0,
                e.GetInt64("Annotations") ?? 0,
                (e.GetString("StatusCounts") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => p.Split('='))
                    .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
                e.GetInt32("AlphaBatches") ?? 0,
                e.GetDouble("AlphaMean") ?? double.NaN,
                e.GetDouble("AlphaMin") ?? double.NaN,
                e.GetDouble("AlphaMax") ?? double.NaN,
                e.GetDateTimeOffset("ComputedTime") ?? default));
        }

        return rows;
    }
}
