using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;

namespace Quality.Functions.Orchestration;

/// <summary>
/// The audit's steps as activities: each calls one pipeline use case. At-least-once: every use case is idempotent
/// (the same run and shard write the same blobs and keys; a terminal run never changes).
/// </summary>
internal sealed partial class AuditActivities(Ingest ingest, Compute compute, Finalize finalize, RunChanges changes, ILogger<AuditActivities> logger)
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
        LogRunFailed(logger, failure.RunId, failure.Step, failure.ErrorType, failure.ErrorMessage, failure.StackTrace);
        await changes.FailAsync(failure.RunId, failure.Reason, cancellationToken);
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error,
        Message = "Run {RunId} failed: {Step} failed on every retry with {ErrorType}: {ErrorMessage}\n{StackTrace}")]
    private static partial void LogRunFailed(ILogger logger, string runId, string step, string errorType, string errorMessage, string? stackTrace);
}
