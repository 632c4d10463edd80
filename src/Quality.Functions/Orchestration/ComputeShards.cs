using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Quality.Functions.Orchestration;

/// <summary>
/// One part of a large fan-out, as its own orchestration: its history holds its shards' results, not the parent's,
/// so a delivery of any size replays in bounded work.
/// </summary>
internal static class ComputeShards
{
    public const string Name = nameof(ComputeShards);

    [Function(Name)]
    public static Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, ShardRange range)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(range);
        return AuditBatch.ComputeAsync(context, range);
    }
}
