using Azure;
using Azure.Data.Tables;
using Quality.Domain.Audit;
using Quality.Domain.Findings;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>findings</c> table: one row per finding in its pipeline's partition (<c>pipeline-{name}</c>, row key = the
/// finding's id, derived from what it is about), so a repeated finding updates its row instead of adding one; and
/// an index row per id (<c>index</c> partition) naming the pipeline, so a finding is a point read by id alone.
/// Updates merge under the row's ETag (<see cref="FindingBook.Merge(Finding?, Finding)"/>), so two batches finishing
/// together both land.
/// </summary>
public sealed class TableFindingStore(StorageClients storage)
{
    private const string IndexPartition = "index";
    private const int MaxAttempts = 10;

    private readonly TableClient _table = storage.Table(storage.Names.Findings);

    /// <summary>Adds or updates each finding; returns them as stored.</summary>
    public async Task<IReadOnlyList<Finding>> MergeAsync(IEnumerable<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var stored = new List<Finding>();
        foreach (var finding in findings)
        {
            stored.Add(await ChangeAsync(finding.Pipeline, finding.Id, existing => FindingBook.Merge(existing, finding), cancellationToken)
                ?? throw new InvalidOperationException($"Finding {finding.Id} could not be stored."));
        }

        return stored;
    }

    public async Task<Finding?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(IndexPartition, id, cancellationToken: cancellationToken);
        if (!index.HasValue)
        {
            return null;
        }

        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(index.Value!.GetString("Pipeline")), id, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>Findings of one pipeline (one partition scan) or of all, optionally of one status and kind, newest first.</summary>
    public async Task<IReadOnlyList<Finding>> ListAsync(
        string? pipeline, FindingStatus? status, FindingKind? kind, CancellationToken cancellationToken)
    {
        var filter = pipeline is null
            ? TableClient.CreateQueryFilter($"PartitionKey gt {"pipeline-"} and PartitionKey lt {"pipeline."}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition(pipeline)}");
        if (status is { } s)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToString()}");
        }

        if (kind is { } k)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Kind eq {k.ToString()}");
        }

        var findings = new List<Finding>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            findings.Add(Read(row));
        }

        return [.. findings.OrderByDescending(f => f.LastSeen).ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>Sets a finding's status (acknowledged, resolved, or open again); null when there is no such finding.</summary>
    public async Task<Finding?> SetStatusAsync(string id, FindingStatus status, CancellationToken cancellationToken)
    {
        var index = await _table.GetEntityIfExistsAsync<TableEntity>(IndexPartition, id, cancellationToken: cancellationToken);
        return index.HasValue
            ? await ChangeAsync(index.Value!.GetString("Pipeline"), id, existing => existing is null ? null : existing with { Status = status }, cancellationToken)
            : null;
    }

    private async Task<Finding?> ChangeAsync(string pipeline, string id, Func<Finding?, Finding?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition(pipeline), id, cancellationToken: cancellationToken);
            var existing = row.HasValue ? Read(row.Value!) : null;
            if (change(existing) is not { } changed)
            {
                return null;
            }

            var entity = new TableEntity(Partition(pipeline), id)
            {
                ["Json"] = ReportJson.Serialize(changed),
                ["Kind"] = changed.Kind.ToString(),
                ["Status"] = changed.Status.ToString(),
                ["LastSeen"] = changed.LastSeen,
            };
            try
            {
                if (row.HasValue)
                {
                    await _table.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(entity, cancellationToken);
                }

                // Written every time (it never changes), so a crash between the two writes heals on the next merge.
                await _table.UpsertEntityAsync(new TableEntity(IndexPartition, id) { ["Pipeline"] = pipeline }, TableUpdateMode.Replace, cancellationToken);

                return changed;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another batch changed it first: read again and merge again.
            }
        }

        throw new InvalidOperationException($"Finding {id} kept changing under {MaxAttempts} attempts to update it.");
    }

    private static string Partition(string pipeline) => "pipeline-" + pipeline;

    private static Finding Read(TableEntity row) => ReportJson.Deserialize<Finding>(row.GetString("Json"));
}
