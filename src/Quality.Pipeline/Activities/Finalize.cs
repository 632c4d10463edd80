using Microsoft.Extensions.Logging;
using Quality.Domain.Agreement;
using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;
using Quality.Domain.Findings;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.RootCauses;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Pipeline.Facts;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// <c>Finalize</c>: merges the partials in shard order, computes the agreement suite (report blob) and completes the
/// run. Exactly once in effect: the merge is a pure function of the partials, and only one writer can move the run from
/// Running to Completed under its ETag; a second execution finds it Completed and stops.
/// </summary>
public sealed partial class Finalize(
    BlobWorkStore work,
    BlobReportStore reports,
    BlobPairsStore pairs,
    TableRunStore runs,
    RunChanges changes,
    BatchMonitor monitor,
    BlobStandardStore standards,
    BatchSampler sampler,
    LotReview review,
    BatchRootCauses rootCauses,
    BlobFactStore facts,
    ILogger<Finalize> logger)
{
    /// <returns>The run's status afterwards: Completed, or Rejected for a review that cannot be held against its batch.</returns>
    public async Task<RunStatus> RunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} has no record; it is created when its delivery arrives.");
        if (run.IsTerminal)
        {
            return run.Status;
        }

        if (run.Status != RunStatus.Running)
        {
            throw new InvalidOperationException($"Run {run.Id} is {run.Status}; only an ingested run is finalised.");
        }

        // The standard pinned at ingest: its spc settings judge the process signals, its rules the verdict, its
        // thresholds the root causes' strata.
        var standard = run.Standard is { } reference ? await standards.GetAsync(reference, cancellationToken) : null;

        var batch = new BatchAudit();
        // The root causes' strata, each shard's tallied by its Compute, merged in shard order.
        var strata = rootCauses.Strata(standard);
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            // Every shard's Compute has returned before Finalize is called: a missing partial is a fault, not a wait.
            var partial = await work.ReadPartialAsync(run.Id, WorkKeys.For(WorkKeys.BatchAudit, shard), cancellationToken);
            batch.Merge(BatchAudit.FromState(partial));
            strata.Merge(partial.Strata ?? throw new InvalidOperationException($"The partial of shard {shard} of run {run.Id} has no root-cause strata; Compute writes them with every partial."));
        }

        // The whole suite goes to a report blob before the run completes: a completed batch always has it.
        var bootstrap = new BootstrapOptions { Seed = BatchAudit.DefaultSeed };
        var result = batch.Finish(field => run.Fields?.GetValueOrDefault(field) ?? FieldDeclaration.Nominal, bootstrap);
        await reports.WriteAsync(run.Id, BlobReportStore.Agreement, ReportJson.Serialize(AgreementSuiteView.From(result, bootstrap)), cancellationToken);
        await reports.WriteAsync(run.Id, BlobReportStore.Violations,
            ReportJson.Serialize(ViolationReport.From(run.Taxonomy ?? "unknown", result.Violations)), cancellationToken);
        if (!result.Spatial.IsEmpty)
        {
            await reports.WriteAsync(run.Id, BlobReportStore.Audit, ReportJson.Serialize(SpatialReportView.From(result.Spatial, bootstrap)), cancellationToken);
            await pairs.CommitAsync(run.Id, run.ShardCount, cancellationToken);
        }

        if (!result.TagGold.IsEmpty)
        {
            await reports.WriteAsync(run.Id, BlobReportStore.TagGold, ReportJson.Serialize(TagGoldView.From(result.TagGold)), cancellationToken);
        }

        if (run.Reviews is not null)
        {
            return await CompleteReviewAsync(run, result.Metrics, cancellationToken);
        }

        // The facts of a vendor's batch (not of a review) go public with its reports, before the run completes.
        await facts.PublishAsync(run.Id, run.ShardCount, RunFacts.Origin(run), cancellationToken);

        // Where errors concentrate, across the shards' evidence; a concentration over all annotators is a structural finding.
        var causes = result.Spatial.IsEmpty ? null : await rootCauses.AnalyseAsync(run, standard, strata, cancellationToken);

        // Series, error history and findings are written before the run completes, so a completed batch is always in them.
        var findings = await monitor.RecordAsync(run, result, standard, cancellationToken, causes);
        if (findings is not null)
        {
            await reports.WriteAsync(run.Id, BlobReportStore.Findings, ReportJson.Serialize(findings), cancellationToken);
        }

        // Open findings the batch raised make an acceptance "with findings".
        Verdict? verdict = null;
        if (standard is not null)
        {
            var raised = findings?.Findings.Count(f => f.Status == FindingStatus.Open && f.Batches.Contains(run.Id)) ?? 0;
            verdict = StandardEvaluation.Evaluate(standard, BatchMeasurements.Of(result), raised);
            await reports.WriteAsync(run.Id, BlobReportStore.Verdict, ReportJson.Serialize(verdict), cancellationToken);
        }

        // The review sample, like every report, exists before the run completes.
        if (Compute.Samples(run, standard))
        {
            await sampler.DrawAsync(run, standard!.Sampling!, cancellationToken);
        }

        var metrics = result.Metrics;
        var completed = await changes.ChangeAsync(run.Id, current => current.Status != RunStatus.Running ? null : current with
        {
            Status = RunStatus.Completed,
            CompletedTime = changes.Now,
            Metrics = metrics,
            Verdict = verdict?.Outcome.ToString(),
        }, cancellationToken);
        if (completed is { Status: RunStatus.Completed })
        {
            var alpha = ReportText.Figure(metrics.KrippendorffAlphaNominal, metrics.WhyAlphaUndefined());
            LogCompleted(logger, run.Id, metrics.Items, alpha);
        }

        return completed?.Status ?? RunStatus.Completed;
    }

    /// <summary>
    /// A review delivery decides the lot it reviews instead of being judged itself: no verdict, series or findings (its
    /// labels are a reviewer's, not a vendor's). A review that cannot be held against its batch is rejected with the reason.
    /// </summary>
    private async Task<RunStatus> CompleteReviewAsync(Run run, BatchMetrics metrics, CancellationToken cancellationToken)
    {
        LotDecision decision;
        try
        {
            decision = await review.DecideAsync(run, cancellationToken);
        }
        catch (DeliveryFormatException ex)
        {
            return (await changes.RejectAsync(run.Id, ex, cancellationToken))?.Status ?? RunStatus.Rejected;
        }

        var completed = await changes.ChangeAsync(run.Id, current => current.Status != RunStatus.Running ? null : current with
        {
            Status = RunStatus.Completed,
            CompletedTime = changes.Now,
            Metrics = metrics,
            Disposition = decision.Disposition.Decision,
        }, cancellationToken);
        if (completed is { Status: RunStatus.Completed })
        {
            LogDecided(logger, run.Id, decision.Batch, decision.Disposition.Decision, decision.Disposition.Nonconforming, decision.Disposition.Reviewed);
        }

        return completed?.Status ?? RunStatus.Completed;
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Review {RunId} decided lot {Batch}: {Decision}, {Nonconforming} nonconforming of {Reviewed} reviewed")]
    private static partial void LogDecided(ILogger logger, string runId, string batch, string decision, int nonconforming, int reviewed);

    // The figure is text, rounded as ReportText rounds, so an undefined alpha reads "undefined (why)" rather than NaN.
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information,
        Message = "Run {RunId} completed: {Items} items; Krippendorff's alpha (nominal), lowest of any field: {Alpha}")]
    private static partial void LogCompleted(ILogger logger, string runId, long items, string alpha);
}
