using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Pipeline.Messages;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// <c>Compute</c>: one kind over one shard. Writes the shard's mergeable partial, then counts the work item exactly
/// once; the completion that makes the count whole enqueues <c>Finalize</c>.
/// </summary>
public sealed partial class Compute(
    BlobWorkStore work,
    BlobTaxonomyStore taxonomies,
    BlobStandardStore standards,
    TableRunStore runs,
    PipelineQueues queues,
    RunLedger ledger,
    IOptions<PipelineOptions> options,
    ILogger<Compute> logger)
{
    public async Task HandleAsync(ComputeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var run = await runs.GetAsync(message.RunId, cancellationToken);
        if (run is null || run.IsTerminal)
        {
            return;
        }

        if (run.Status != RunStatus.Running || message.Shard < 0 || message.Shard >= run.ShardCount || !WorkKeys.Kinds.Contains(message.Kind))
        {
            throw new InvalidOperationException(
                $"Work item {message.WorkKey} does not belong to run {run.Id} ({run.Status}, {run.ShardCount} shards).");
        }

        var done = await runs.ListCompletedWorkAsync(run.Id, cancellationToken);
        if (!done.Contains(message.WorkKey))
        {
            BatchAudit partial;
            var evidence = new List<EvidencePair>();
            var frame = new List<ReviewUnit>();
            QualityStandard? standard;
            try
            {
                standard = run.Standard is { } reference
                    ? await standards.GetAsync(reference, cancellationToken)
                        ?? throw new InvalidOperationException($"Standard {reference} was pinned at ingest and is gone; standards are never deleted.")
                    : null;
                partial = await AuditShardAsync(run, message.Shard, standard, evidence, Samples(run, standard) ? frame : null, cancellationToken);
            }
            catch (DeliveryFormatException ex)
            {
                await ledger.RejectAsync(run.Id, ex, cancellationToken);
                return;
            }

            // Evidence first: once the partial exists the work item may be counted, and finalize reads both. A shard
            // without boxes or cuboids has none, and finalize reads a missing evidence blob as empty.
            if (evidence.Count > 0)
            {
                await work.WriteEvidenceAsync(run.Id, message.Shard, evidence, cancellationToken);
            }

            if (Samples(run, standard))
            {
                await work.WriteFrameAsync(run.Id, message.Shard, frame, cancellationToken);
            }

            await work.WritePartialAsync(run.Id, message.WorkKey, partial.ToState(), cancellationToken);
            run = await RecordAsync(run.Id, message.WorkKey, cancellationToken);
        }
        else
        {
            run = await runs.GetAsync(run.Id, cancellationToken);
        }

        // Also when the item was already counted: the worker that counted the last one may have died before sending.
        if (run is { Status: RunStatus.Running, AllWorkDone: true })
        {
            await queues.SendFinalizeAsync(run.Id, cancellationToken);
        }
    }

    /// <summary>A batch is sampled for review when its standard has a sampling plan; a review delivery is not itself sampled.</summary>
    internal static bool Samples(Run run, QualityStandard? standard) => standard?.Sampling is not null && run.Reviews is null;

    private async Task<BatchAudit> AuditShardAsync(
        Run run, int shard, QualityStandard? standard, List<EvidencePair> evidence, List<ReviewUnit>? frame, CancellationToken cancellationToken)
    {
        await using var stream = await work.OpenShardAsync(run.Id, run.ShardSet!, shard, cancellationToken);
        using var reader = new CanonicalDeliveryReader(stream, run.BlobName, normalised: true);
        var checker = run.TaxonomyChecked && run.Taxonomy is { } name
            ? new TaxonomyChecker(await taxonomies.GetAsync(TaxonomyReference.Parse(name), cancellationToken)
                ?? throw new InvalidOperationException($"Taxonomy {name} was registered at ingest and is gone; taxonomies are never deleted."))
            : null;
        return await BatchAuditReader.ReadAsync(reader, run.BlobName, cancellationToken, new BatchAudit(options.Value.Spatial(standard), evidence) { Checker = checker, Frame = frame });
    }

    private async Task<Run?> RecordAsync(string runId, string workKey, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await runs.GetAsync(runId, cancellationToken);
            if (current is null || current.IsTerminal)
            {
                return current;
            }

            var recording = await runs.TryRecordWorkAsync(current, workKey, ledger.Host, ledger.Now, cancellationToken);
            switch (recording.Outcome)
            {
                case WorkRecordingOutcome.Recorded:
                    LogRecorded(logger, runId, workKey, recording.Run!.WorkDone, recording.Run.WorkTotal);
                    return recording.Run;
                case WorkRecordingOutcome.AlreadyRecorded:
                    return await runs.GetAsync(runId, cancellationToken);
                default:
                    await Task.Delay(RunLedger.Backoff(attempt), cancellationToken);
                    break;
            }
        }
    }

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Run {RunId}: {WorkKey} done ({Done}/{Total})")]
    private static partial void LogRecorded(ILogger logger, string runId, string workKey, int done, int total);
}
