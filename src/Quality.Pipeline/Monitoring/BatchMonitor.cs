using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.RootCauses;
using Quality.Domain.Standards;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Monitoring;

/// <summary>
/// What Finalize does for monitoring across deliveries: adds the batch's figures to its pipeline's series, keeps its
/// error counts as history, and judges its errors against the deliveries before it (<see cref="FindingDetector"/>),
/// merging the findings into the findings table. Process signals are judged under the run's standard's <c>spc</c>
/// settings (<see cref="SeriesSettings.Of"/>), or the defaults without one, on the metrics its <c>agreement</c> section
/// accepts (<see cref="QualityStandard.Monitors"/>). Every write is keyed by the batch or the finding, so a redelivered
/// Finalize repeats them harmlessly. A batch without a pipeline has no series to join and no findings.
/// </summary>
public sealed class BatchMonitor(TableSeriesStore series, TableFindingStore findings, TimeProvider time)
{
    /// <param name="standard">The standard pinned to the run (<see cref="Run.Standard"/>); null when it has none.</param>
    /// <param name="rootCauses">The batch's root-cause drill-down: each system concentration raises a structural finding.</param>
    public async Task<BatchFindings?> RecordAsync(
        Run run, BatchAuditResult result, QualityStandard? standard, CancellationToken cancellationToken, RootCauseReport? rootCauses = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(result);
        if (SeriesBatchOf(run) is not { } batch)
        {
            return null;
        }

        var errors = BatchErrorCounts.Of(result);
        var figures = SeriesFigures.Of(result);
        await series.RecordAsync(batch, figures, cancellationToken);
        await series.RecordErrorsAsync(batch, errors, cancellationToken);
        // Only deliveries that arrived before this one are its history, whatever order batches finish in: the running
        // totals know which of their recent batches are not earlier and leave them out.
        var earlier = await series.ApplyErrorsAsync(batch, errors, cancellationToken);
        var seenAt = time.GetUtcNow();
        var detected = FindingDetector.Detect(batch, errors, earlier, seenAt);
        var raised = detected.Findings.ToList();
        raised.AddRange((rootCauses?.Ranked ?? []).Select(c => Finding.FromConcentration(batch.Pipeline, batch.BatchId, seenAt, c)).OfType<Finding>());
        // A delivery's assignable cause is what its findings diagnosed, this batch's included: Phase I keeps the others.
        var causes = AssignableCauses.Of([.. await findings.ListAsync(batch.Pipeline, null, null, cancellationToken), .. raised]);
        // A metric the standard's agreement section does not accept (alpha under `agreement: [gwet-ac1]`) raises no signal.
        foreach (var metric in figures.Where(f => f.Class is null).Select(f => MonitoredMetric.Find(f.Metric)).OfType<MonitoredMetric>()
            .Where(m => standard?.Monitors(m) ?? true))
        {
            var headline = await series.ReadAsync(new SeriesKey(batch.Pipeline, metric.Name, null, null), cancellationToken);
            if (ProcessSignals.Detect(batch, metric, headline, SeriesSettings.Of(standard, metric), seenAt, causes) is { } signal)
            {
                raised.Add(signal);
            }
        }

        var stored = await findings.MergeAsync(raised, cancellationToken);
        return detected with { Findings = stored };
    }

    /// <summary>The phase is the taxonomy version: a new version can change what counts as an error, so limits restart.</summary>
    public static SeriesBatch? SeriesBatchOf(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Pipeline is null ? null : new SeriesBatch(run.Pipeline, run.Vendor, run.Id, run.CreatedTime, run.Taxonomy ?? "no taxonomy");
    }
}
