using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Runs;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Runs in the <c>runs</c> table. One partition per run holds the run entity and one row per status change; both
/// change together in one entity-group transaction, and the run entity only ever changes under its ETag (never an
/// upsert), so a step that runs twice (activities are at-least-once) cannot lose an update or record a change twice.
/// </summary>
public sealed class TableRunStore(StorageClients storage)
{
    private const string RunRow = "run";

    /// <summary>Warnings kept with a run: one per file at most, and a few suffice to say what was assumed (a table property holds 64 KiB).</summary>
    private const int MaxWarnings = 10;
    private const string HistoryPrefix = "history-";

    private readonly TableClient _table = storage.Table(storage.Names.Runs);

    public async Task<Run?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(runId, RunRow, cancellationToken: cancellationToken);
        return response.HasValue ? ToRun(response.Value!) : null;
    }

    /// <summary>Creates the run with its first history row; false when it already exists.</summary>
    public async Task<bool> TryCreateAsync(Run run, string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var first = run with { Transitions = 1 };
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(first)),
                new TableTransactionAction(TableTransactionActionType.Add, HistoryEntity(first, host)),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces the run if it is still at <paramref name="current"/>'s ETag; a status change also appends a history row
    /// in the same transaction. Returns the new state, or null when someone else changed the run first.
    /// </summary>
    public async Task<Run?> TryUpdateAsync(Run current, Run next, string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        var transition = next.Status != current.Status;
        var state = transition ? next with { Transitions = current.Transitions + 1 } : next;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(state), new ETag(current.ETag!)),
        };
        if (transition)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, HistoryEntity(state, host)));
        }

        return await SubmitAsync(actions, cancellationToken) is { } etag ? state with { ETag = etag } : null;
    }

    /// <summary>The status changes of a run, oldest first.</summary>
    public async Task<IReadOnlyList<RunTransition>> ListHistoryAsync(string runId, CancellationToken cancellationToken)
    {
        var history = new List<RunTransition>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey ge {HistoryPrefix} and RowKey lt {"history."}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            history.Add(new RunTransition(
                Enum.Parse<RunStatus>(row.GetString("Status")),
                row.GetDateTimeOffset("Time") ?? default,
                row.GetString("Host") ?? "",
                row.GetString("Reason")));
        }

        return history;
    }

    private async Task<string?> SubmitAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag?.ToString();
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 or 404)
        {
            return null;
        }
    }

    private static TableEntity HistoryEntity(Run state, string host) =>
        new(state.Id, HistoryPrefix + state.Transitions.ToString("D4", CultureInfo.InvariantCulture))
        {
            ["Status"] = state.Status.ToString(),
            ["Time"] = state.LastUpdatedTime,
            ["Host"] = host,
            ["Reason"] = state.Reason,
        };

    private static TableEntity ToEntity(Run run) => new(run.Id, RunRow)
    {
        ["BlobName"] = run.BlobName,
        ["BlobETag"] = run.BlobETag,
        ["ContentKey"] = run.ContentKey,
        ["BlobSize"] = run.BlobSize,
        ["Pipeline"] = run.Pipeline,
        ["Vendor"] = run.Vendor,
        ["DeliveryId"] = run.DeliveryId,
        ["Taxonomy"] = run.Taxonomy,
        ["TaxonomyChecked"] = run.TaxonomyChecked,
        ["Verdict"] = run.Verdict,
        ["Standard"] = run.Standard,
        ["Reviews"] = run.Reviews,
        ["Disposition"] = run.Disposition,
        ["Fields"] = run.Fields is null ? null : PipelineJson.Serialize(run.Fields),
        ["Metadata"] = run.Metadata is null ? null : PipelineJson.Serialize(run.Metadata),
        ["Status"] = run.Status.ToString(),
        ["CreatedTime"] = run.CreatedTime,
        ["LastUpdatedTime"] = run.LastUpdatedTime,
        ["CompletedTime"] = run.CompletedTime,
        ["ShardCount"] = run.ShardCount,
        ["ShardSet"] = run.ShardSet,
        ["Transitions"] = run.Transitions,
        ["Reason"] = Truncate(run.Reason),
        ["Metrics"] = run.Metrics is null ? null : PipelineJson.Serialize(run.Metrics),
        ["Warnings"] = run.Warnings is null ? null : PipelineJson.Serialize(run.Warnings.Take(MaxWarnings).ToList()),
    };

    internal static Run ToRun(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        BlobName = e.GetString("BlobName"),
        BlobETag = e.GetString("BlobETag"),
        ContentKey = e.GetString("ContentKey"),
        BlobSize = e.GetInt64("BlobSize") ?? 0,
        Pipeline = e.GetString("Pipeline"),
        Vendor = e.GetString("Vendor"),
        DeliveryId = e.GetString("DeliveryId"),
        Taxonomy = e.GetString("Taxonomy"),
        TaxonomyChecked = e.GetBoolean("TaxonomyChecked") ?? false,
        Verdict = e.GetString("Verdict"),
        Standard = e.GetString("Standard"),
        Reviews = e.GetString("Reviews"),
        Disposition = e.GetString("Disposition"),
        Fields = e.GetString("Fields") is { } fields ? PipelineJson.Deserialize<IReadOnlyDictionary<string, FieldDeclaration>>(fields) : null,
        Metadata = e.GetString("Metadata") is { } metadata ? PipelineJson.Deserialize<IReadOnlyDictionary<string, string>>(metadata) : null,
        Status = Enum.Parse<RunStatus>(e.GetString("Status")),
        CreatedTime = e.GetDateTimeOffset("CreatedTime") ?? default,
        LastUpdatedTime = e.GetDateTimeOffset("LastUpdatedTime") ?? default,
        CompletedTime = e.GetDateTimeOffset("CompletedTime"),
        ShardCount = e.GetInt32("ShardCount") ?? 0,
        ShardSet = e.GetString("ShardSet"),
        Transitions = e.GetInt32("Transitions") ?? 0,
        Reason = e.GetString("Reason"),
        Warnings = e.GetString("Warnings") is { } warnings ? PipelineJson.Deserialize<IReadOnlyList<Quality.Domain.Formats.DeliveryWarning>>(warnings) : null,
        Metrics = e.GetString("Metrics") is { } json ? PipelineJson.Deserialize<BatchMetrics>(json) : null,
        ETag = e.ETag.ToString(),
    };

    /// <summary>A reason is for people; keep it well inside the 64 KiB property limit.</summary>
    private static string? Truncate(string? reason) => reason is { Length: > 8000 } ? reason[..8000] + " …" : reason;
}
