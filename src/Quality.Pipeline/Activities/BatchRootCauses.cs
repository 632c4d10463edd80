using Azure;
using Microsoft.Extensions.Options;
using Quality.Domain.Audit;
using Quality.Domain.RootCauses;
using Quality.Domain.Standards;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// The batch's root-cause drill-down, across its shards: the committed pairs report (every shard's evidence, staged by
/// Compute with its strata) is streamed twice — strata, then the interactions of the strongest — in as many parts at
/// once as there are cores, so memory is the tallies', never the rows'. The report is stored as <see cref="BlobReportStore.RootCauses"/> before the run completes.
/// </summary>
public sealed class BatchRootCauses(BlobPairsStore pairs, BlobReportStore reports, IOptions<PipelineOptions> options)
{
    /// <param name="standard">The run's pinned standard: its IoU thresholds set the localisation bound, as they set the matching.</param>
    public async Task<RootCauseReport> AnalyseAsync(Run run, QualityStandard? standard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = new RootCauseOptions { Thresholds = options.Value.Spatial(standard).Thresholds };
        var parts = await pairs.PartsAsync(run.Id, Environment.ProcessorCount, cancellationToken);
        var strata = await TallyAsync(run, parts, () => StrataTally.Strata(settings), cancellationToken);
        var effects = StratumEffects.Test(strata, settings);
        var interactions = effects.InteractionTally() is null ? null : await TallyAsync(run, parts, () => effects.InteractionTally()!, cancellationToken);

        var report = RootCauseAnalysis.Finish(effects, interactions);
        await reports.WriteAsync(run.Id, BlobReportStore.RootCauses, ReportJson.Serialize(report), cancellationToken);
        return report;
    }

    /// <summary>
    /// The report's parts tallied at once, one thread each, and merged in order: the same tally as one pass front to
    /// back (counts add; each cell keeps the first rows, and the parts come in shard order), in a fraction of the time
    /// on a machine with cores to spare — this is the tail of every run, when nothing else computes.
    /// </summary>
    private async Task<StrataTally> TallyAsync(Run run, IReadOnlyList<HttpRange> parts, Func<StrataTally> tally, CancellationToken cancellationToken)
    {
        var tallies = await Task.WhenAll(parts.Select(part => Task.Run(async () =>
        {
            var partial = tally();
            await foreach (var pair in pairs.ReadAsync(run.Id, part, cancellationToken))
            {
                partial.Add(pair);
            }

            return partial;
        }, cancellationToken)));
        var total = tally();
        foreach (var partial in tallies)
        {
            total.Merge(partial);
        }

        return total;
    }
}
