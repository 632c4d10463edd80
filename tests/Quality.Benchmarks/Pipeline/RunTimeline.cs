using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// When a run was listed (Pending: the blob watcher found the blob and the arrival was validated), ingested (Running)
/// and finished (Completed), as its history rows record them with the dev host's clock — the same machine's clock
/// the benchmark reads, so the gaps from the upload can be taken. Pending → Running is the orchestration's start
/// plus Ingest; Running → Completed is the Compute fan-out plus Finalize.
/// </summary>
internal readonly record struct RunTimeline(DateTimeOffset Pending, DateTimeOffset Running, DateTimeOffset Completed)
{
    public TimeSpan Ingesting => Running - Pending;

    public TimeSpan Computing => Completed - Running;

    public static async Task<RunTimeline> ReadAsync(TableRunStore runs, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var history = await runs.ListHistoryAsync(runId, cancellationToken);
        DateTimeOffset At(RunStatus status) => history.FirstOrDefault(h => h.Status == status)?.Time
            ?? throw new InvalidOperationException($"Run {runId} has no {status} row: {string.Join(", ", history.Select(h => h.Status))}");
        return new RunTimeline(At(RunStatus.Pending), At(RunStatus.Running), At(RunStatus.Completed));
    }
}
