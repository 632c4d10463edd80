using Microsoft.Extensions.Options;
using Quality.Domain.Audit;
using Quality.Domain.RootCauses;
using Quality.Domain.Standards;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// The batch's root-cause drill-down, across its shards: the strata (the first pass) are tallied by each shard's Compute
/// and merged by Finalize from the partials. The committed pairs report (every shard's evidence, staged by Compute with its strata) is streamed once, for the
/// interactions of the strongest, so memory is the tallies', never the rows'. The report is stored as
/// <see cref="BlobReportStore.RootCauses"/> before the run completes.
/// </summary>
public sealed class BatchRootCauses(BlobPairsStore pairs, BlobReportStore reports, IOptions<PipelineOptions> options)
{
    /// <summary>The drill-down's settings: the run's IoU thresholds set the localisation bound, as they set the matching.</summary>
    public static RootCauseOptions Settings(PipelineOptions options, QualityStandard? standard)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RootCauseOptions { Thresholds = options.Spatial(standard).Thresholds };
    }

    /// <summary>An empty first-pass tally under the run's settings, for Finalize to merge the shards' tallies into.</summary>
    public StrataTally Strata(QualityStandard? standard) => StrataTally.Strata(Settings(options.Value, standard));

    /// <param name="standard">The run's pinned standard, as given to <see cref="Strata"/>.</param>
    /// <param name="strata">Every shard's strata tally, merged in shard order.</param>
    public async Task<RootCauseReport> AnalyseAsync(Run run, QualityStandard? standard, StrataTally strata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(strata);
        var effects = StratumEffects.Test(strata, Settings(options.Value, standard));
        var interactions = effects.InteractionTally();
        if (interactions is not null)
        {
            await foreach (var pair in pairs.ReadAsync(run.Id, cancellationToken))
            {
                interactions.Add(pair);
            }
        }

        var report = RootCauseAnalysis.Finish(effects, interactions);
        await reports.WriteAsync(run.Id, BlobReportStore.RootCauses, ReportJson.Serialize(report), cancellationToken);
        return report;
    }
}
