using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// Re-drives runs that made no progress for <see cref="PipelineOptions.StuckAfter"/> (a lost message, a crash
/// between two writes): pending runs get their ingest again, running runs their missing work items or finalize.
/// After <see cref="PipelineOptions.MaxRedrives"/> fruitless re-drives the run fails with the reason.
/// </summary>
public sealed partial class RunSweeper(
    TableRunStore runs,
    PipelineQueues queues,
    RunLedger ledger,
    IOptions<PipelineOptions> options,
    ILogger<RunSweeper> logger)
{
    /// <returns>How many runs were re-driven or failed.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var stale in await runs.ListStaleAsync(ledger.Now - options.Value.StuckAfter, cancellationToken))
        {
            if (stale.Redrives >= options.Value.MaxRedrives)
            {
                await ledger.FailAsync(stale.Id,
                    $"No progress after {stale.Redrives} re-drives ({stale.Status}, {stale.WorkDone} of {stale.WorkTotal} work items done).",
                    cancellationToken);
                swept++;
                continue;
            }

            // Claim the re-drive under the ETag so two sweepers do not both re-drive.
            var claimed = await runs.TryUpdateAsync(stale, stale with { Redrives = stale.Redrives + 1, LastUpdatedTime = ledger.Now }, ledger.Host, cancellationToken);
            if (claimed is null)
            {
                continue;
            }

            LogRedrive(logger, stale.Id, stale.Status, claimed.Redrives);
            swept++;
            if (stale.Status == RunStatus.Pending)
            {
                await queues.SendIngestAsync(stale.Id, cancellationToken);
            }
            else if (stale.AllWorkDone)
            {
                await queues.SendFinalizeAsync(stale.Id, cancellationToken);
            }
            else
            {
                var done = await runs.ListCompletedWorkAsync(stale.Id, cancellationToken);
                foreach (var kind in WorkKeys.Kinds)
                {
                    for (var shard = 0; shard < stale.ShardCount; shard++)
                    {
                        var message = ComputeMessage.For(stale.Id, kind, shard);
                        if (!done.Contains(message.WorkKey))
                        {
                            await queues.SendComputeAsync(message, cancellationToken);
                        }
                    }
                }
            }
        }

        return swept;
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Run {RunId} stuck in {Status}: re-drive {Redrive}")]
    private static partial void LogRedrive(ILogger logger, string runId, RunStatus status, int redrive);
}
