using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Quality.Domain.Audit;
using Quality.Pipeline.Runs;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>batches</c> table: a projection of runs for listing, newest first, all together or per pipeline.
/// Row keys are inverted creation ticks, so one partition scan returns the newest batches first.
/// A projection only moves forward: a write older than the stored one (fewer transitions) is dropped.
/// </summary>
public sealed class TableBatchStore(StorageClients storage)
{
    private const string AllPartition = "all";

    private readonly TableClient _table = storage.Table(storage.Names.Batches);

    public async Task ProjectAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await ProjectIntoAsync(AllPartition, run, cancellationToken);
        if (run.Pipeline is not null)
        {
            await ProjectIntoAsync(PipelinePartition(run.Pipeline), run, cancellationToken);
        }
    }

    /// <summary>One page of batches, newest first.</summary>
    /// <exception cref="InvalidPageTokenException">The continuation token is not one this list gave out.</exception>
    public async Task<BatchPage> ListAsync(string? pipeline, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var (batches, next) = await TablePages.ReadAsync(
            _table, pipeline is null ? AllPartition : PipelinePartition(pipeline), pageSize, continuationToken, ToSummary, cancellationToken);
        return new BatchPage(batches, next);
    }

    /// <summary>Whether the pipeline has any batch (of the vendor, when one is named): what makes a pipeline or a vendor known.</summary>
    public async Task<bool> HasDeliveredAsync(string pipeline, string? vendor, CancellationToken cancellationToken)
    {
        var filter = vendor is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {PipelinePartition(pipeline)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {PipelinePartition(pipeline)} and Vendor eq {vendor}");
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["BatchId"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>Every batch created in [<paramref name="from"/>, <paramref name="to"/>): the day the rollup aggregates.</summary>
    public async Task<IReadOnlyList<BatchSummary>> ListCreatedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var upper = InvertedTicks(from) + 1;
        var lower = InvertedTicks(to) + 1;
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {AllPartition} and RowKey ge {lower.ToString("D19", CultureInfo.InvariantCulture)} and RowKey lt {upper.ToString("D19", CultureInfo.InvariantCulture)}");
        var batches = new List<BatchSummary>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            batches.Add(ToSummary(row));
        }

        return batches;
    }

    private async Task ProjectIntoAsync(string partition, Run run, CancellationToken cancellationToken)
    {
        var rowKey = RowKey(run);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken);
            var entity = ToEntity(partition, rowKey, run);
            try
            {
                if (!existing.HasValue)
                {
                    await _table.AddEntityAsync(entity, cancellationToken);
                }
                else if ((existing.Value!.GetInt32("Transitions") ?? 0) <= run.Transitions)
                {
                    await _table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer got there first; read again and decide again.
            }
        }
    }

    private static string PipelinePartition(string pipeline) => "pipeline-" + pipeline;

    private static long InvertedTicks(DateTimeOffset time) => DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks;

    private static string RowKey(Run run) =>
        InvertedTicks(run.CreatedTime).ToString("D19", CultureInfo.InvariantCulture) + "-" + run.Id;

    private static TableEntity ToEntity(string partition, string rowKey, Run run) => new(partition, rowKey)
    {
        ["BatchId"] = run.Id,
        ["Pipeline"] = run.Pipeline,
        ["Vendor"] = run.Vendor,
        ["DeliveryId"] = run.DeliveryId,
        ["BlobName"] = run.BlobName,
        ["Status"] = run.Status.ToString(),
        ["CreatedTime"] = run.CreatedTime,
        ["LastUpdatedTime"] = run.LastUpdatedTime,
        ["CompletedTime"] = run.CompletedTime,
        ["Transitions"] = run.Transitions,
        ["Reason"] = run.Reason is { Length: > 2000 } r ? r[..2000] + " …" : run.Reason,
        ["Metrics"] = run.Metrics is null ? null : PipelineJson.Serialize(run.Metrics),
        ["Taxonomy"] = run.Taxonomy,
        ["TaxonomyChecked"] = run.TaxonomyChecked,
        ["Verdict"] = run.Verdict,
        ["Standard"] = run.Standard,
        ["Reviews"] = run.Reviews,
        ["Disposition"] = run.Disposition,
    };

    private static BatchSummary ToSummary(TableEntity e) => new(
        e.GetString("BatchId"),
        e.GetString("Pipeline"),
        e.GetString("Vendor"),
        e.GetString("DeliveryId"),
        e.GetString("BlobName"),
        Enum.Parse<RunStatus>(e.GetString("Status")),
        e.GetDateTimeOffset("CreatedTime") ?? default,
        e.GetDateTimeOffset("LastUpdatedTime") ?? default,
        e.GetDateTimeOffset("CompletedTime"),
        e.GetString("Reason"),
        e.GetString("Metrics") is { } json ? PipelineJson.Deserialize<BatchMetrics>(json) : null)
    {
        Taxonomy = e.GetString("Taxonomy"),
        TaxonomyChecked = e.GetBoolean("TaxonomyChecked") ?? false,
        Verdict = e.GetString("Verdict"),
        Standard = e.GetString("Standard"),
        Reviews = e.GetString("Reviews"),
        Disposition = e.GetString("Disposition"),
    };
}

/// <summary>A batch as the list shows it.</summary>
public sealed record BatchSummary(
    string BatchId,
    string? Pipeline,
    string? Vendor,
    string? DeliveryId,
    string BlobName,
    RunStatus Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    DateTimeOffset? CompletedTime,
    string? Reason,
    BatchMetrics? Metrics)
{
    /// <summary>The taxonomy version the batch's figures were computed under (<c>name@version</c>).</summary>
    public string? Taxonomy { get; init; }

    /// <summary>Whether that version was registered, so labels were checked against it.</summary>
    public bool TaxonomyChecked { get; init; }

    /// <summary>The verdict under the pipeline's standard, and that standard's <c>pipeline@version</c>; null without one.</summary>
    public string? Verdict { get; init; }

    public string? Standard { get; init; }

    /// <summary>For a review delivery: the batch it reviews, and the decision on that lot.</summary>
    public string? Reviews { get; init; }

    public string? Disposition { get; init; }
}

public sealed record BatchPage(IReadOnlyList<BatchSummary> Batches, string? ContinuationToken);
