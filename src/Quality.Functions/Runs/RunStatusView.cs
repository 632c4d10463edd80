using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;
using Quality.Functions.Batches;
using Quality.Functions.Orchestration;
using Quality.Pipeline.Runs;

namespace Quality.Functions.Runs;

/// <summary>
/// A run's status in the shape of Durable Functions' status query: the orchestration's runtime status, times, custom
/// status (the step and shard count) and output, beside the batch's own status and reason.
/// </summary>
internal sealed record RunStatusView(
    string Name,
    string InstanceId,
    string? RuntimeStatus,
    string BatchStatus,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    AuditProgress? CustomStatus,
    string? Reason,
    string? Output)
{
    [JsonIgnore]
    public bool HasEnded { get; init; }

    public static RunStatusView From(Run run, OrchestrationMetadata? instance)
    {
        ArgumentNullException.ThrowIfNull(run);
        // Without an instance the run never started an audit: rejected on arrival (ended), or not started yet.
        var ended = instance?.IsCompleted ?? run.IsTerminal;
        // An audit that ended without ending its batch (it failed even to record its failure) failed it.
        var abandoned = ended && !run.IsTerminal;
        return new RunStatusView(
            AuditBatch.Name,
            run.Id,
            instance?.RuntimeStatus.ToString(),
            abandoned ? nameof(RunStatus.Failed) : run.Status.ToString(),
            instance?.CreatedAt ?? run.CreatedTime,
            instance?.LastUpdatedAt ?? run.LastUpdatedTime,
            instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<AuditProgress>(),
            abandoned ? $"The audit ended {instance!.RuntimeStatus} without finishing the batch: {instance.FailureDetails?.ErrorMessage ?? "no error recorded"}" : run.Reason,
            ended ? BatchLinks.For(run.Id).Self : null)
        {
            HasEnded = ended,
        };
    }
}
