using System.Globalization;
using Azure.Data.Tables;
using Quality.Pipeline.AuditLog;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>auditlog</c> table: every change, once in the partition of all changes and once in its pipeline's, with
/// inverted-time row keys so one partition scan pages the newest first. Entries are only ever added.
/// </summary>
public sealed class TableAuditLogStore(StorageClients storage)
{
    private const string AllPartition = "all";

    private readonly TableClient _table = storage.Table(storage.Names.AuditLog);

    public async Task RecordAsync(AuditLogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // A unique row per change even within one tick: the inverted time orders, the suffix separates.
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - entry.Time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N")[..8];
        await _table.AddEntityAsync(ToEntity(AllPartition, rowKey, entry), cancellationToken);
        if (entry.Pipeline is not null)
        {
            await _table.AddEntityAsync(ToEntity(PipelinePartition(entry.Pipeline), rowKey, entry), cancellationToken);
        }
    }

    /// <summary>One page of changes, newest first, of all pipelines or one.</summary>
    /// <exception cref="InvalidPageTokenException">The continuation token is not one this list gave out.</exception>
    public async Task<AuditLogPage> ListAsync(string? pipeline, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var (entries, next) = await TablePages.ReadAsync(
            _table, pipeline is null ? AllPartition : PipelinePartition(pipeline), pageSize, continuationToken, ToEntry, cancellationToken);
        return new AuditLogPage(entries, next);
    }

    private static string PipelinePartition(string pipeline) => "pipeline-" + pipeline;

    private static TableEntity ToEntity(string partition, string rowKey, AuditLogEntry entry) => new(partition, rowKey)
    {
        ["Time"] = entry.Time,
        ["Who"] = entry.Who,
        ["WhoId"] = entry.WhoId,
        ["Action"] = entry.Action,
        ["Pipeline"] = entry.Pipeline,
        ["Target"] = entry.Target,
        ["Details"] = entry.Details is { Length: > 8000 } d ? d[..8000] + " …" : entry.Details,
    };

    private static AuditLogEntry ToEntry(TableEntity e) => new(
        e.GetDateTimeOffset("Time") ?? default,
        e.GetString("Who") ?? "",
        e.GetString("WhoId") ?? "",
        e.GetString("Action") ?? "",
        e.GetString("Pipeline"),
        e.GetString("Target") ?? "",
        e.GetString("Details"));
}
