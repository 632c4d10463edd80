using Microsoft.Azure.Functions.Worker;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;

namespace Quality.Functions.Orchestration;

/// <summary>
/// The audit's steps as activities: each calls one pipeline use case. At-least-once: every use case is idempotent
/// (the same run and shard write the same blobs and keys; a terminal run never changes).
/// </summary>
internal sealed class AuditActivities(Ingest ingest, Compute compute, Finalize finalize, RunChanges changes)
{
    public const string Ingest = nameof(Ingest);
    public const string Compute = nameof(Compute);
    public const string Finalize = nameof(Finalize);
    public const string FailRun = nameof(FailRun);

    [Function(Ingest)]
    public Task<Ingested> IngestAsync([ActivityTrigger] string runId, CancellationToken cancellationToken) =>
        ingest.RunAsync(runId, cancellationToken);

    [Function(Compute)]
    public Task ComputeAsync([ActivityTrigger] ShardWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return compute.RunAsync(work.RunId, work.Kind, work.Shard, cancellationToken);
    }

    [Function(Finalize)]
    public Task<RunStatus> FinalizeAsync([ActivityTrigger] string runId, CancellationToken cancellationToken) =>
        finalize.RunAsync(runId, cancellationToken);

    [Function(FailRun)]
    public async Task FailRunAsync([ActivityTrigger] RunFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await changes.FailAsync(failure.RunId, failure.Reason, cancellationToken);
    }
}
