using Quality.Domain.Audit;
using Quality.Domain.RootCauses;

namespace Quality.Domain.Tests.RootCauses;

/// <summary>
/// The pipeline's split of the drill-down: each shard's Compute tallies its evidence's strata and stores the tally in its
/// partial; Finalize merges the stored tallies and reads the rows once more only for the interactions.
/// </summary>
public sealed class StrataTallyTests
{
    /// <summary>A fixed permutation of the 7 shards, so the test merges the same order on every run.</summary>
    private static readonly int[] ShuffledShards = [3, 0, 6, 2, 5, 1, 4];

    /// <summary>
    /// 400 items of 6 gold objects and 5 annotators, cut into 7 shards of whole items as ingest cuts a delivery. Each
    /// shard's tally goes through JSON as a partial does. Merged in shard order, the report is the one pass's byte for
    /// byte (counts, tests and the first five error rows of each concentration). Merged in any other order the counts
    /// are the same; only which rows are a cell's first five can differ. Every gold object is one chance of a miss per
    /// annotator: 400 × 6 = 2,400 opportunities of <c>missed</c> for each annotator.
    /// </summary>
    [Fact]
    public void Merge_ShardTalliesStoredAndMerged_SameReportAsOnePassInShardOrder_SameCountsInAnyOrder()
    {
        var options = new RootCauseOptions();
        var rows = new GeneratedDelivery { Items = 400, Planted = (time, _, _, _) => time == "night" }.Evidence(seed: 11);
        var items = rows.Select(r => r.Item).Distinct().ToList();
        var shards = rows.GroupBy(r => items.IndexOf(r.Item) * 7 / items.Count).OrderBy(g => g.Key)
            .Select(g => ShardTally(g, options)).ToList();

        var onePass = RootCauseAnalysis.Analyse(rows.Select(r => r), options);
        var inShardOrder = Report(rows, shards, options);
        var reversed = Report(rows, Enumerable.Reverse(shards), options);
        var shuffled = Report(rows, ShuffledShards.Select(i => shards[i]), options);

        Assert.Equal(7, shards.Count);
        var merged = StrataTally.Strata(options);
        shards.ForEach(merged.Merge);
        Assert.All(GeneratedDelivery.Annotators, annotator => Assert.Equal(2_400,
            merged.ToState().Cells.Single(c => (c.Kind, c.Stratum, c.Level) == (RootCauseKinds.Missed, StratumNames.Annotator, annotator)).Opportunities));
        Assert.Equal(ReportJson.Serialize(onePass), ReportJson.Serialize(inShardOrder));
        foreach (var report in new[] { reversed, shuffled })
        {
            Assert.Equal(ReportJson.Serialize(onePass.Strata), ReportJson.Serialize(report.Strata));
            Assert.Equal(onePass.Ranked.Select(c => c.Statement), report.Ranked.Select(c => c.Statement));
        }
    }

    [Fact]
    public void ToState_InteractionTally_RefusedBecauseOnlyTheFirstPassIsStored()
    {
        var rows = new GeneratedDelivery { Planted = (time, _, _, _) => time == "night" }.Evidence(seed: 3);
        var strata = StrataTally.Strata(new RootCauseOptions());
        rows.ForEach(strata.Add);
        var interactions = StratumEffects.Test(strata, new RootCauseOptions()).InteractionTally()!;

        Assert.Throws<InvalidOperationException>(interactions.ToState);
    }

    private static StrataTallyState ShardTally(IEnumerable<EvidencePair> rows, RootCauseOptions options)
    {
        var tally = StrataTally.Strata(options);
        foreach (var row in rows)
        {
            tally.Add(row);
        }

        return ReportJson.Deserialize<StrataTallyState>(ReportJson.Serialize(tally.ToState()));
    }

    /// <summary>As Finalize does: the stored tallies merged in the given order, then one pass over the rows for the interactions.</summary>
    private static RootCauseReport Report(List<EvidencePair> rows, IEnumerable<StrataTallyState> shards, RootCauseOptions options)
    {
        var strata = StrataTally.Strata(options);
        foreach (var shard in shards)
        {
            strata.Merge(shard);
        }

        var effects = StratumEffects.Test(strata, options);
        var interactions = effects.InteractionTally();
        rows.ForEach(row => interactions?.Add(row));
        return RootCauseAnalysis.Finish(effects, interactions);
    }
}
