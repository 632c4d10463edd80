using Microsoft.Extensions.Options;
using Quality.Domain.Audit;
using Quality.Domain.RootCauses;
using Quality.Domain.Standards;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// The batch's root-cause drill-down, across its shards: the committed pairs report (every shard's evidence, staged by
/// Compute with its strata) is streamed twice — strata, then the interactions of the strongest — so memory is the
/// tallies', never the rows'. The report is stored as <see cref="BlobReportStore.RootCauses"/> before the run completes.
/// </summary>
public sealed class BatchRootCauses(BlobPairsStore pairs, BlobReportStore reports, IOptions<PipelineOptions> options)
{
    /// <param name="standard">The run's pinned standard: its IoU thresholds set the localisation bound, as they set the matching.</param>
    public async Task<RootCauseReport> AnalyseAsync(Run run, QualityStandard? standard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = new RootCauseOptions { Thresholds = options.Value.Spatial(standard).Thresholds };
        var strata = StrataTally.Strata(settings);
        await ReadAsync(run, strata.Add, cancellationToken);
        var effects = StratumEffects.Test(strata, settings);
        var interactions = effects.InteractionTally();
        if (interactions is not null)
        {
            await ReadAsync(run, interactions.Add, cancellationToken);
        }

        var report = RootCauseAnalysis.Finish(effects, interactions);
        await reports.WriteAsync(run.Id, BlobReportStore.RootCauses, ReportJson.Serialize(report), cancellationToken);
        return report;
    }

    private async Task ReadAsync(Run run, Action<EvidencePair> add, CancellationToken cancellationToken)
    {
        await foreach (var pair in pairs.ReadAsync(run.Id, cancellationToken))
        {
            add(pair);
        }
    }
}
