using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;

namespace Quality.Functions.Orchestration;

/// <summary>
/// The batch audit's state machine: ingest → compute every shard × kind (fan-out) → all returned (fan-in) → finalize.
/// Replay-safe: it only calls activities and sub-orchestrations through the context, reads no clock, storage, random or
/// Guid of its own, and passes references (the run id, shard numbers), never annotation data. A step that keeps failing
/// after its retries fails the run with the reason, then the orchestration.
/// </summary>
internal static class AuditBatch
{
    public const string Name = nameof(AuditBatch);

    /// <summary>
    /// Shards computed by one orchestration. Above this the fan-out is split into <see cref="ComputeShards"/>
    /// sub-orchestrations, so no history holds more than this many activity results (each replay reads it all).
    /// </summary>
    public const int ShardsPerOrchestration = 64;

    [Function(Name)]
    public static async Task<AuditOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, AuditRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            context.SetCustomStatus(new AuditProgress(AuditPhase.Ingesting, 0));
            var ingested = await context.CallActivityAsync<Ingested>(AuditActivities.Ingest, request.RunId, StepRetry.Options);
            if (ingested.Status != RunStatus.Running)
            {
                return new AuditOutcome(request.RunId, ingested.Status, 0);
            }

            context.SetCustomStatus(new AuditProgress(AuditPhase.Computing, ingested.Shards));
            await ComputeAsync(context, new ShardRange(request.RunId, 0, ingested.Shards));

            context.SetCustomStatus(new AuditProgress(AuditPhase.Finalizing, ingested.Shards));
            var status = await context.CallActivityAsync<RunStatus>(AuditActivities.Finalize, request.RunId, StepRetry.Options);
            context.SetCustomStatus(new AuditProgress(AuditPhase.Ended, ingested.Shards));
            return new AuditOutcome(request.RunId, status, ingested.Shards);
        }
        catch (TaskFailedException ex)
        {
            await context.CallActivityAsync(AuditActivities.FailRun, Failure(request.RunId, ex), StepRetry.Options);
            throw;
        }
    }

    /// <summary>A range of shards: one activity per shard and kind, or sub-orchestrations of at most <see cref="ShardsPerOrchestration"/> shards each.</summary>
    internal static Task ComputeAsync(TaskOrchestrationContext context, ShardRange range)
    {
        if (range.Count <= ShardsPerOrchestration)
        {
            return Task.WhenAll(
                from kind in WorkKeys.Kinds
                from shard in Enumerable.Range(range.First, range.Count)
                select context.CallActivityAsync(AuditActivities.Compute, new ShardWork(range.RunId, kind, shard), StepRetry.Options));
        }

        return Task.WhenAll(
            from first in Enumerable.Range(0, (range.Count + ShardsPerOrchestration - 1) / ShardsPerOrchestration)
            let start = range.First + first * ShardsPerOrchestration
            let part = new ShardRange(range.RunId, start, Math.Min(ShardsPerOrchestration, range.First + range.Count - start))
            select context.CallSubOrchestratorAsync(ComputeShards.Name, part,
                new SubOrchestrationOptions { InstanceId = $"{range.RunId}:shards-{part.First}" }));
    }

    /// <summary>
    /// Which step gave up, and the last error it saw. A part of the fan-out fails because one of its Compute activities
    /// did: that activity is the step, its exception the error.
    /// </summary>
    private static RunFailure Failure(string runId, TaskFailedException failure)
    {
        var details = failure.FailureDetails;
        while (details.InnerFailure is { } inner && details.ErrorType == typeof(TaskFailedException).FullName)
        {
            details = inner;
        }

        var step = failure.TaskName == ComputeShards.Name ? AuditActivities.Compute : failure.TaskName;
        return new RunFailure(runId, step, details.ErrorType, details.ErrorMessage, details.StackTrace);
    }
}
