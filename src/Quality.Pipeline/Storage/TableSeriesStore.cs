using System.Globalization;
using Azure.Data.Tables;
using Quality.Domain.Audit;
using Quality.Pipeline.Monitoring;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>series</c> table: every monitored figure of every completed batch, one partition per series
/// (pipeline, metric, class, vendor), rows in delivery order (arrival ticks, then batch id), so a chart is one
/// partition scan. A batch writes each figure twice, to its vendor's series and to the all-vendor one. Rows are
/// upserted under keys that depend only on the batch, so a redelivered Finalize writes the same rows again.
/// Each batch's error counts (<see cref="BatchErrorCounts"/>) are kept as one row per batch in the pipeline's
/// <c>errors</c> partition, and added once to the pipeline's running totals in its <c>errortotals</c> partition: the
/// history a delivery's error rates are compared against, read as one row.
/// </summary>
public sealed class TableSeriesStore(StorageClients storage)
{
    private const int MaxChunkChars = 30_000;
    private const int MaxChunks = 15;
    private const int Parallelism = 8;

    private readonly TableClient _table = storage.Table(storage.Names.Series);

    public async Task RecordAsync(SeriesBatch batch, IReadOnlyList<SeriesFigure> figures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(figures);
        var vendors = batch.Vendor is null ? new string?[] { null } : [null, batch.Vendor];
        var entities = figures.SelectMany(f => vendors.Select(v => ToEntity(batch, f, v))).ToList();
        await Parallel.ForEachAsync(entities, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (entity, ct) => await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct));
    }

    /// <summary>One series in delivery order; empty when nothing was recorded.</summary>
    public async Task<IReadOnlyList<StoredSeriesPoint>> ReadAsync(SeriesKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(key)}");
        var points = new List<StoredSeriesPoint>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            points.Add(new StoredSeriesPoint(
                e.GetString("BatchId"), e.GetString("Vendor"), e.GetDateTimeOffset("DeliveredTime") ?? default, e.GetString("Phase"),
                e.GetDouble("Count"), e.GetDouble("Size"), e.GetDouble("Value")));
        }

        return points;
    }

    public async Task RecordErrorsAsync(SeriesBatch batch, BatchErrorCounts errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(errors);
        var entity = new TableEntity(ErrorsPartition(batch.Pipeline), RowKey(batch))
        {
            ["BatchId"] = batch.BatchId,
            ["Vendor"] = batch.Vendor,
            ["DeliveredTime"] = batch.DeliveredTime,
            ["Phase"] = batch.Phase,
        };
        WriteChunks(entity, PipelineJson.Serialize(errors));
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Every batch's error counts for the pipeline, in delivery order.</summary>
    public async Task<IReadOnlyList<StoredErrorCounts>> ReadErrorsAsync(string pipeline, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ErrorsPartition(pipeline)}");
        var history = new List<StoredErrorCounts>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            history.Add(new StoredErrorCounts(e.GetString("BatchId"), e.GetString("Vendor"), e.GetDateTimeOffset("DeliveredTime") ?? default,
                e.GetString("Phase"), PipelineJson.Deserialize<BatchErrorCounts>(ReadChunks(e))));
        }

        return history;
    }

    /// <summary>
    /// Adds the batch's counts to its pipeline's running totals (<see cref="ErrorTotals"/>) once, and returns the history
    /// it is judged against. The totals row changes only under its ETag, in one transaction with a marker row for the
    /// batch: a concurrent Finalize retries on the new totals, and a redelivered one finds its marker and adds nothing.
    /// Two requests in the common case (read the totals, submit the transaction), however many batches came before.
    /// </summary>
    public async Task<ErrorHistory> ApplyErrorsAsync(SeriesBatch batch, BatchErrorCounts errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(errors);
        var partition = TotalsPartition(batch.Pipeline);
        while (true)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(partition, TotalsRow, cancellationToken: cancellationToken);
            var totals = stored.HasValue ? ErrorTotals.FromState(PipelineJson.Deserialize<ErrorTotalsState>(ReadChunks(stored.Value!))) : new ErrorTotals();
            totals.Apply(batch, errors);
            var json = PipelineJson.Serialize(totals.ToState());
            // A taxonomy of many classes makes each recent batch large: the window shrinks to what one row holds.
            while (json.Length > MaxChunks * MaxChunkChars && totals.Recent.Count > 1)
            {
                totals.ForgetOldestRecent();
                json = PipelineJson.Serialize(totals.ToState());
            }

            var entity = new TableEntity(partition, TotalsRow);
            WriteChunks(entity, json);
            try
            {
                await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, "applied-" + RowKey(batch))),
                    stored.HasValue
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, stored.Value!.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Add, entity),
                ], cancellationToken);
                return totals.Before(batch);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // The marker exists (this batch was applied) or another batch changed the totals first: find out which.
                if ((await _table.GetEntityIfExistsAsync<TableEntity>(partition, "applied-" + RowKey(batch), cancellationToken: cancellationToken)).HasValue)
                {
                    var current = await _table.GetEntityAsync<TableEntity>(partition, TotalsRow, cancellationToken: cancellationToken);
                    return ErrorTotals.FromState(PipelineJson.Deserialize<ErrorTotalsState>(ReadChunks(current.Value))).Before(batch);
                }
            }
        }
    }

    private static TableEntity ToEntity(SeriesBatch batch, SeriesFigure figure, string? vendor) =>
        new(Partition(new SeriesKey(batch.Pipeline, figure.Metric, figure.Class, vendor)), RowKey(batch))
        {
            ["BatchId"] = batch.BatchId,
            ["Vendor"] = batch.Vendor,
            ["DeliveredTime"] = batch.DeliveredTime,
            ["Phase"] = batch.Phase,
            ["Count"] = figure.Count,
            ["Size"] = figure.Size,
            ["Value"] = figure.Value,
        };

    // Keys may not hold '/', '\', '#', '?' or control characters; class and vendor names are escaped, pipeline
    // names are validated ([A-Za-z0-9._-]) before they get here.
    private static string Partition(SeriesKey key) =>
        string.Join('|', key.Pipeline, key.Metric, Uri.EscapeDataString(key.Class ?? ""), Uri.EscapeDataString(key.Vendor ?? ""));

    private static string ErrorsPartition(string pipeline) => "errors|" + pipeline;

    private static string TotalsPartition(string pipeline) => "errortotals|" + pipeline;

    private const string TotalsRow = "totals";

    private static string RowKey(SeriesBatch batch) =>
        batch.DeliveredTime.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + batch.BatchId;

    // A property holds at most 64 KiB (32k UTF-16 characters): a large confusion history is split over several.
    private static void WriteChunks(TableEntity entity, string json)
    {
        var chunks = (json.Length + MaxChunkChars - 1) / MaxChunkChars;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException($"Error counts of {json.Length} characters exceed the {MaxChunks * MaxChunkChars} a table row holds.");
        }

        entity["Chunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity["Json" + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * MaxChunkChars, Math.Min(MaxChunkChars, json.Length - i * MaxChunkChars));
        }
    }

    private static string ReadChunks(TableEntity entity) =>
        string.Concat(Enumerable.Range(0, entity.GetInt32("Chunks") ?? 0).Select(i => entity.GetString("Json" + i.ToString(CultureInfo.InvariantCulture))));
}
