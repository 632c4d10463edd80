using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quality.Domain.Formats;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Runs;

/// <summary>
/// Changes run records safely: read, decide, write under the ETag, and on a lost race read and decide again. Keeps the
/// batch list in step after every status change. Terminal runs never change again, which is what makes a step that
/// runs twice harmless.
/// </summary>
public sealed partial class RunChanges(
    TableRunStore runs,
    TableBatchStore batches,
    BlobDeliveryStore deliveries,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<RunChanges> logger)
{
    private const int MaxAttempts = 20;

    public string Host => options.Value.HostId;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// Applies <paramref name="change"/> to the current state until it sticks. The change returns null to leave the
    /// run as it is (e.g. it is already past that step); the result is then the current state.
    /// </summary>
    public async Task<Run?> ChangeAsync(string runId, Func<Run, Run?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await runs.GetAsync(runId, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var next = change(current);
            if (next is null)
            {
                return current;
            }

            var stored = await runs.TryUpdateAsync(current, next with { LastUpdatedTime = Now }, Host, cancellationToken);
            if (stored is not null)
            {
                if (stored.Status != current.Status)
                {
                    await batches.ProjectAsync(stored, cancellationToken);
                }

                return stored;
            }

            await Task.Delay(Backoff(attempt), time, cancellationToken);
        }

        throw new InvalidOperationException($"Run {runId} kept changing under {MaxAttempts} attempts to update it.");
    }

    /// <summary>Fails a run that is not finished yet, with the reason a user reads at GET /api/batches/{id}.</summary>
    public async Task<Run?> FailAsync(string runId, string reason, CancellationToken cancellationToken)
    {
        LogFailed(logger, runId, reason);
        return await ChangeAsync(runId, run => run.IsTerminal ? null : run with { Status = RunStatus.Failed, Reason = reason }, cancellationToken);
    }

    /// <summary>Rejects a bad delivery: the run says why; a copy and the error report go to quarantine.</summary>
    public async Task<Run?> RejectAsync(string runId, DeliveryFormatException error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        LogRejected(logger, runId, error.Message);
        var run = await ChangeAsync(runId,
            run => run.IsTerminal ? null : run with { Status = RunStatus.Rejected, Reason = error.Message },
            cancellationToken);
        if (run is { Status: RunStatus.Rejected })
        {
            await deliveries.QuarantineAsync(run.BlobName, run.BlobETag,
                new RejectionReport(run.Id, run.BlobName, error.File, error.Line, error.Field, error.Problem, error.Message, Now),
                cancellationToken);
        }

        return run;
    }

    /// <summary>Jittered exponential back-off for optimistic-concurrency retries, capped at a second.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(1000, 10 * (1 << Math.Min(attempt, 7)));
        return TimeSpan.FromMilliseconds(ceiling / 2 + (Environment.TickCount64 & 0x7FFF) % (ceiling / 2 + 1));
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Run {RunId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Run {RunId} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string runId, string reason);
}
