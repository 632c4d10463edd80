using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// What the dev hosts' task hub says, read from its Azure Storage tables: which host owns each partition (the
/// table partition manager's <c>Partitions</c> table) and an orchestration's runtime status (<c>Instances</c>). Lets
/// a benchmark start its clock once the hosts share the partitions, and say where a run that never ends is stuck.
/// </summary>
internal static class TaskHubState
{
    /// <summary>host.json's hubName; the dev host puts the storage prefix in front of it.</summary>
    private const string HubName = "QualityAudit";

    /// <summary>Each partition's current owner (empty when none), and the owner it is being handed to, if any.</summary>
    public static async Task<IReadOnlyList<(string Partition, string Owner, string? NextOwner)>> PartitionsAsync(TestPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var partitions = new List<(string, string, string?)>();
        try
        {
            await foreach (var row in pipeline.Storage.Table(pipeline.Prefix + HubName + "Partitions").QueryAsync<TableEntity>())
            {
                partitions.Add((row.RowKey, row.GetString("CurrentOwner") ?? "", row.GetString("NextOwner") is { Length: > 0 } next ? next : null));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet: no host has started its partition manager.
        }

        return partitions;
    }

    /// <summary>The hosts owning partitions with no hand-over under way: a balanced hub has one entry per host.</summary>
    public static async Task<IReadOnlySet<string>> SettledOwnersAsync(TestPipeline pipeline)
    {
        var partitions = await PartitionsAsync(pipeline);
        return partitions.Count == 0 || partitions.Any(p => p.NextOwner is not null || p.Owner.Length == 0)
            ? new HashSet<string>()
            : partitions.Select(p => p.Owner).ToHashSet();
    }

    /// <summary>One line on an orchestration and the partitions: where a run that does not end is stuck.</summary>
    public static async Task<string> DescribeAsync(TestPipeline pipeline, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var instances = pipeline.Storage.Table(pipeline.Prefix + HubName + "Instances");
        var instance = await instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "");
        var orchestration = instance.HasValue
            ? string.Create(CultureInfo.InvariantCulture,
                $"orchestration {instance.Value!.GetString("RuntimeStatus")}, custom status {instance.Value.GetString("CustomStatus")}, last updated {instance.Value.GetDateTimeOffset("LastUpdatedTime"):O}")
            : "no orchestration instance";
        var partitions = await PartitionsAsync(pipeline);
        return $"{orchestration}; partitions: {string.Join(", ", partitions.Select(p => $"{p.Partition} {p.Owner}{(p.NextOwner is null ? "" : " → " + p.NextOwner)}"))}";
    }
}
