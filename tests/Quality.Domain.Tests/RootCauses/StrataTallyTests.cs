using Quality.Domain.Annotations;
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

    /// <summary>
    /// The tally's cells against a count made here by brute force (every row × level × kind the row is an opportunity
    /// for): rows as the audit makes them (names shared between rows), the same rows with every name a copy of its own
    /// (no two rows share an instance), and rows spread over 20 annotators (more than a cell searches by list), in any mix.
    /// </summary>
    [Fact]
    public void Add_RowsWithSharedCopiedAndManyAnnotatorNames_CountsAsCountedRowByRow()
    {
        var options = new RootCauseOptions();
        var rows = new GeneratedDelivery { Items = 150, Planted = (time, _, _, _) => time == "night" }.Evidence(seed: 5);
        var copied = rows.Select(r => Renamed(r, r.Annotator)).ToList();
        var many = rows.Select((r, i) => Renamed(r, $"{r.Annotator}-{i % 4}")).ToList();
        var mixed = rows.Take(2_000).Concat(copied.Skip(2_000)).Concat(many).ToList();

        foreach (var set in new[] { rows, copied, many, mixed })
        {
            var tally = StrataTally.Strata(options);
            set.ForEach(tally.Add);
            var cells = tally.ToState().Cells;

            var expected = BruteForce(set, options);
            Assert.Equal(expected.Count, cells.Count);
            foreach (var cell in cells)
            {
                var (errors, opportunities, byAnnotator) = expected[(cell.Kind, cell.Stratum, cell.Level)];
                Assert.Equal((errors, opportunities), (cell.Errors, cell.Opportunities));
                Assert.Equal(byAnnotator, cell.ByAnnotator.Select(a => (a.Key, a.Value.Errors, a.Value.Opportunities)));
            }
        }

        // 150 items × 6 gold objects: each a chance of a miss for each of the 5 annotators; 20 annotators split them.
        var first = StrataTally.Strata(options);
        many.ForEach(first.Add);
        var missed = first.ToState().Cells.Where(c => c.Kind == RootCauseKinds.Missed && c.Stratum == StratumNames.Annotator).ToList();
        Assert.Equal(20, missed.Count);
        Assert.Equal(5 * 900, missed.Sum(c => c.Opportunities));
    }

    /// <summary>
    /// The interaction pass's cells against a brute-force count (every row × pair of its kind × kind, when the row has
    /// both strata): pairs sharing a stratum, a stratum no row has, a kind with no pairs, on rows sharing names and on
    /// rows whose every name is a copy of its own.
    /// </summary>
    [Fact]
    public void Add_InteractionPairs_CountsAsCountedRowByRow()
    {
        var options = new RootCauseOptions();
        var rows = new GeneratedDelivery { Items = 120, Planted = (time, _, _, _) => time == "night" }.Evidence(seed: 9);
        var copied = rows.Select(r => Renamed(r, r.Annotator)).ToList();
        var pairs = new HashSet<(string Kind, string Stratum, string Other)>
        {
            (RootCauseKinds.Missed, StratumNames.Class, "tag.time_of_day"),
            (RootCauseKinds.Missed, StratumNames.Annotator, StratumNames.Class),
            (RootCauseKinds.Missed, "attribute.occlusion", "no.such.stratum"),
            (RootCauseKinds.Localisation, StratumNames.Range, StratumNames.Size),
            (RootCauseKinds.Attribute, "attribute.occlusion", StratumNames.Class),
        };

        foreach (var set in new[] { rows, copied, rows.Take(500).Concat(copied.Skip(500)).ToList() })
        {
            var tally = new StrataTally(options, pairs);
            set.ForEach(tally.Add);

            var expected = new Dictionary<CellKey, (long Errors, long Opportunities)>();
            var kinds = new (int Kind, bool IsError)[RootCauseKinds.MaximumPerRow];
            foreach (var row in set)
            {
                var levels = row.Strata!.Levels;
                foreach (var (kind, isError) in kinds.Take(RootCauseKinds.Of(new TalliedPair(row), new CompactDictionary([.. levels]), options, kinds)))
                {
                    foreach (var (_, a, b) in pairs.Where(p => p.Kind == RootCauseKinds.All[kind]))
                    {
                        if (levels.TryGetValue(a, out var level) && levels.TryGetValue(b, out var other))
                        {
                            var key = new CellKey(RootCauseKinds.All[kind], a, level, b, other);
                            var (e, n) = expected.GetValueOrDefault(key);
                            expected[key] = (e + (isError ? 1 : 0), n + 1);
                        }
                    }
                }
            }

            Assert.Contains(expected.Keys, k => k.Stratum == StratumNames.Range);
            Assert.Contains(expected.Keys, k => k.Kind == RootCauseKinds.Attribute);
            Assert.Equal(expected.OrderBy(c => c.Key.ToString()), tally.Cells.Select(c => KeyValuePair.Create(c.Key, (c.Value.Errors, c.Value.Opportunities))).OrderBy(c => c.Key.ToString()));
        }
    }

    /// <summary>Every cell's counts in total and per annotator (in the order each annotator was first counted), one row at a time.</summary>
    private static Dictionary<(string Kind, string Stratum, string Level), (long Errors, long Opportunities, List<(string, long, long)> ByAnnotator)> BruteForce(
        List<EvidencePair> rows, RootCauseOptions options)
    {
        var cells = new Dictionary<(string, string, string), (long, long, List<(string, long, long)>)>();
        var kinds = new (int Kind, bool IsError)[RootCauseKinds.MaximumPerRow];
        foreach (var row in rows)
        {
            var levels = row.Strata!.Levels.ToList();
            var count = RootCauseKinds.Of(new TalliedPair(row), new CompactDictionary([.. levels]), options, kinds);
            foreach (var (stratum, level) in levels)
            {
                foreach (var (kind, isError) in kinds.Take(count))
                {
                    var key = (RootCauseKinds.All[kind], stratum, level);
                    var (errors, opportunities, byAnnotator) = cells.GetValueOrDefault(key, (0, 0, []));
                    var at = byAnnotator.FindIndex(a => a.Item1 == row.Annotator);
                    var (_, e, n) = at < 0 ? (row.Annotator, 0L, 0L) : byAnnotator[at];
                    var counted = (row.Annotator, e + (isError ? 1 : 0), n + 1);
                    if (at < 0)
                    {
                        byAnnotator.Add(counted);
                    }
                    else
                    {
                        byAnnotator[at] = counted;
                    }

                    cells[key] = (errors + (isError ? 1 : 0), opportunities + 1, byAnnotator);
                }
            }
        }

        return cells;
    }

    /// <summary>The row with <paramref name="annotator"/>, every name of it and of its strata a string of its own.</summary>
    private static EvidencePair Renamed(EvidencePair row, string annotator)
    {
        static string Copy(string text) => new(text.AsSpan());
        var levels = row.Strata!.Levels.Select(l => KeyValuePair.Create(Copy(l.Key), Copy(l.Key == StratumNames.Annotator ? annotator : l.Value))).ToArray();
        return row with
        {
            Annotator = Copy(annotator),
            Outcome = Copy(row.Outcome),
            GoldClass = row.GoldClass is null ? null : Copy(row.GoldClass),
            Strata = row.Strata with { Levels = new CompactDictionary(levels) },
        };
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
