using Azure.Data.Tables;
using Quality.Domain.Audit;
using Quality.Pipeline.Rollups;

namespace Quality.Pipeline.Storage;

/// <summary>The <c>rollups</c> table: partition = day (yyyy-MM-dd), row = pipeline.</summary>
public sealed class TableRollupStore(StorageClients storage)
{
    private readonly TableClient _table = storage.Table(storage.Names.Rollups);

    /// <summary>
    /// Replaces the day's row: a rollup is recomputed whole, so the last computation is the truth. An undefined
    /// figure is stored as absent, never as a number.
    /// </summary>
    public async Task WriteAsync(DailyRollup rollup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollup);
        await _table.UpsertEntityAsync(new TableEntity(rollup.Date, rollup.Pipeline)
        {
            ["Deliveries"] = rollup.Deliveries,
            ["Items"] = rollup.Items,
            ["Annotations"] = rollup.Annotations,
            ["StatusCounts"] = string.Join(';', rollup.StatusCounts.Select(s => $"{s.Key}={s.Value}")),
            ["AlphaBatches"] = rollup.AlphaBatches,
            ["AlphaMean"] = AgreementView.Defined(rollup.AlphaMean),
            ["AlphaMin"] = AgreementView.Defined(rollup.AlphaMin),
            ["AlphaMax"] = AgreementView.Defined(rollup.AlphaMax),
            ["ComputedTime"] = rollup.ComputedTime,
        }, TableUpdateMode.Replace, cancellationToken);
    }

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
