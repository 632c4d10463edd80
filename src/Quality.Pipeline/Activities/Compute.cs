using Microsoft.Extensions.Options;
using Quality.Domain.Audit;
using Quality.Domain.Facts;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.RootCauses;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Pipeline.Facts;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// <c>Compute</c>: one kind over one shard. Writes the shard's mergeable partial, its evidence (a block of the pairs
/// report), its facts and its review frame, each under a name fixed by the run and shard, so a second execution (activities are at-least-once) writes the same
/// bytes over the first. The fan-in is the orchestration's: Finalize runs once every shard's Compute has returned.
/// </summary>
public sealed class Compute(
    BlobWorkStore work,
    BlobPairsStore pairs,
    BlobTaxonomyStore taxonomies,
    BlobStandardStore standards,
    TableRunStore runs,
    RunChanges changes,
    BlobFactStore facts,
    IOptions<PipelineOptions> options)
{
    public async Task RunAsync(string runId, string kind, int shard, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken);
        if (run is null || run.IsTerminal)
        {
            return;
        }

        if (run.Status != RunStatus.Running || shard < 0 || shard >= run.ShardCount || !WorkKeys.Kinds.Contains(kind))
        {
            throw new InvalidOperationException(
                $"Work item {WorkKeys.For(kind, shard)} does not belong to run {run.Id} ({run.Status}, {run.ShardCount} shards).");
        }

        BatchAudit partial;
        var evidence = new List<EvidencePair>();
        var frame = new List<ReviewUnit>();
        var shardFacts = new FactCollector();
        QualityStandard? standard;
        try
        {
            standard = run.Standard is { } reference
                ? await standards.GetAsync(reference, cancellationToken)
                    ?? throw new InvalidOperationException($"Standard {reference} was pinned at ingest and is gone; standards are never deleted.")
                : null;
            partial = await AuditShardAsync(run, shard, standard, evidence, Samples(run, standard) ? frame : null, shardFacts, cancellationToken);
        }
        catch (DeliveryFormatException ex)
        {
            await changes.RejectAsync(run.Id, ex, cancellationToken);
            return;
        }

        // The evidence goes straight into the pairs report as this shard's block, which Finalize commits in shard order.
        // A shard without boxes or cuboids has none, and stages no block.
        if (evidence.Count > 0)
        {
            await pairs.StageAsync(run.Id, shard, evidence, cancellationToken);
        }

        if (Samples(run, standard))
        {
            await work.WriteFrameAsync(run.Id, shard, frame, cancellationToken);
        }

        await facts.WriteShardAsync(run.Id, shard, RunFacts.Origin(run), shardFacts, cancellationToken);
        // The drill-down's first pass over this shard's evidence, while it is in memory: Finalize merges the tallies
        // instead of reading the pairs report for them. Every partial has one, empty without evidence.
        var strata = StrataTally.Strata(BatchRootCauses.Settings(options.Value, standard));
        evidence.ForEach(strata.Add);
        await work.WritePartialAsync(run.Id, WorkKeys.For(kind, shard), partial.ToState() with { Strata = strata.ToState() }, cancellationToken);
    }

    /// <summary>A batch is sampled for review when its standard has a sampling plan; a review delivery is not itself sampled.</summary>
    internal static bool Samples(Run run, QualityStandard? standard) => standard?.Sampling is not null && run.Reviews is null;

    private async Task<BatchAudit> AuditShardAsync(
        Run run, int shard, QualityStandard? standard, List<EvidencePair> evidence, List<ReviewUnit>? frame, FactCollector facts, CancellationToken cancellationToken)
    {
        await using var stream = await work.OpenShardAsync(run.Id, run.ShardSet!, shard, cancellationToken);
        var checker = run.TaxonomyChecked && run.Taxonomy is { } name
            ? new TaxonomyChecker(await taxonomies.GetAsync(TaxonomyReference.Parse(name), cancellationToken)
                ?? throw new InvalidOperationException($"Taxonomy {name} was registered at ingest and is gone; taxonomies are never deleted."))
            : null;
        return await AuditShardAsync(stream, run.BlobName, new BatchAudit(options.Value.Spatial(standard), evidence) { Checker = checker, Frame = frame, Metadata = run.Metadata, Facts = facts }, cancellationToken);
    }

    /// <summary>A shard's normalised lines audited into <paramref name="into"/>: the activity's work without its storage (the compute-shards benchmark runs it).</summary>
    /// <param name="file">The delivered blob's name, for errors.</param>
    internal static async Task<BatchAudit> AuditShardAsync(Stream shard, string file, BatchAudit into, CancellationToken cancellationToken)
    {
        using var reader = new CanonicalDeliveryReader(shard, file, normalised: true);
        return await BatchAuditReader.ReadAsync(reader, file, cancellationToken, into);
    }
}
