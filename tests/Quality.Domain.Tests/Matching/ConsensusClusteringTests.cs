using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Matching;
using Xunit.Abstractions;

namespace Quality.Domain.Tests.Matching;

public sealed class ConsensusClusteringTests(ITestOutputHelper output)
{
    /// <summary>Objects on a line: each annotator's object positions; similarity falls off with distance.</summary>
    private static double Similarity(IReadOnlyDictionary<string, double[]> positions, Observation x, Observation y) =>
        Math.Max(0, 1 - Math.Abs(positions[x.Annotator][x.Index] - positions[y.Annotator][y.Index]));

    private static IReadOnlyList<ConsensusObject> Cluster(IReadOnlyDictionary<string, double[]> positions, double threshold = 0.5) =>
        ConsensusClustering.Cluster(positions.ToDictionary(p => p.Key, p => p.Value.Length), (x, y) => Similarity(positions, x, y), threshold);

    [Fact]
    public void Cluster_ThreeAnnotatorsTwoObjects_GroupsByOverlap()
    {
        // Object near 0 seen by a, b, c; object near 5 seen by a and c; b also drew a stray box at 9.
        var positions = new Dictionary<string, double[]> { ["a"] = [0.0, 5.0], ["b"] = [9.0, 0.1], ["c"] = [5.2, 0.2] };

        var objects = Cluster(positions);

        Assert.Equal(
            [
                [new("a", 0), new("b", 1), new("c", 1)],
                [new("a", 1), new("c", 0)],
                [new Observation("b", 0)],
            ],
            objects.Select(o => o.Observations.ToArray()));
    }

    [Fact]
    public void Cluster_OneAnnotatorsTwoCloseObjects_NeverInOneConsensusObject()
    {
        // a drew two boxes on one object (0.0 and 0.1); b one. Only one of a's may join b's.
        var positions = new Dictionary<string, double[]> { ["a"] = [0.0, 0.1], ["b"] = [0.08] };

        var objects = Cluster(positions);

        Assert.Equal([[new("a", 0)], [new("a", 1), new("b", 0)]], objects.Select(o => o.Observations.ToArray()));
    }

    [Fact]
    public void Cluster_EveryMemberPairMustReachTheThreshold()
    {
        // a–b 0.6 and b–c 0.6 but a–c 0.2: a and c cannot share a consensus object; a–b is the first tie, by order.
        var positions = new Dictionary<string, double[]> { ["a"] = [0.0], ["b"] = [0.4], ["c"] = [0.8] };

        var objects = Cluster(positions);

        Assert.Equal([[new("a", 0), new("b", 0)], [new Observation("c", 0)]], objects.Select(o => o.Observations.ToArray()));
    }

    [Fact]
    public void Cluster_ChainWhoseMiddlePairIsBest_PairsEveryoneAsTheOptimalMatchingDoes()
    {
        // a₀ 0, b₀ 0.4, a₁ 0.5, b₁ 0.9: a₀–b₀ 0.6, b₀–a₁ 0.9, a₁–b₁ 0.6 (a₀–b₁ 0.1 < τ). Taking the best pair first (the
        // greedy agglomeration this replaces) gives {b₀, a₁} = 0.9 and leaves a₀ and b₁ alone; the optimum is
        // {a₀, b₀} + {a₁, b₁} = 1.2 — two objects both annotators drew, as the maximum-weight matching of the gold audit has it.
        var positions = new Dictionary<string, double[]> { ["a"] = [0.0, 0.5], ["b"] = [0.4, 0.9] };

        Assert.Equal([[new("a", 0), new("b", 0)], [new("a", 1), new("b", 1)]], Cluster(positions).Select(o => o.Observations.ToArray()));
        Assert.Equal(1.2, Total(positions, Cluster(positions)), 9);
        Assert.Equal(0.9, Total(positions, ConsensusClustering.Greedy(positions.ToDictionary(p => p.Key, p => p.Value.Length), (x, y) => Similarity(positions, x, y), 0.5)), 9);
    }

    [Fact]
    public void Cluster_ThreeAnnotatorChain_TakesTheLargerTotalOverTheBestPair()
    {
        // a₀ 0, b₀ 0.45, c₀ 0.9 and a₁ 0.55: b₀–a₁ 0.9 is the best pair and c₀–a₁ 0.65 joins it (b₀–c₀ 0.55): greedy
        // {a₁, b₀, c₀} = 0.9 + 0.65 + 0.55 = 2.1 with a₀ alone. {a₀, b₀} 0.55 + {a₁, c₀} 0.65 = 1.2 is less, so the
        // three-member object is optimal here too — the exact search keeps what greedy got right (checked by hand).
        var positions = new Dictionary<string, double[]> { ["a"] = [0.0, 0.55], ["b"] = [0.45], ["c"] = [0.9] };

        Assert.Equal([[new Observation("a", 0)], [new("a", 1), new("b", 0), new("c", 0)]], Cluster(positions).Select(o => o.Observations.ToArray()));
        Assert.Equal(2.1, Total(positions, Cluster(positions)), 9);
    }

    [Property(MaxTest = 300)]
    public Property Cluster_SmallItems_MatchesBruteForceOverEveryPartition() => Prop.ForAll(SmallItems, annotators =>
    {
        // Independent check: enumerate every partition of ≤ 8 observations, keep the valid ones (one per annotator, every
        // pair ≥ τ), and compare the best total with the exact search's.
        var positions = annotators.Select((p, k) => (Name: $"annotator{k}", Positions: p)).ToDictionary(a => a.Name, a => a.Positions);
        var observations = positions.SelectMany(a => a.Value.Select((_, i) => new Observation(a.Key, i))).ToArray();
        var best = BruteForce(positions, observations, 0, []);
        return Units(Total(positions, Cluster(positions))) == Units(best);
    });

    [Fact]
    public void Greedy_OnGeneratedItems_StaysWithinTheStatedBoundOfTheOptimum()
    {
        // The bound for components beyond the exact search's budget, where the greedy agglomeration is still used. On 1,000
        // seeded items — 3–5 annotators drawing 3–10 true objects on a 20 m line (each seen with probability 0.85, jitter
        // ±0.35, one extra with probability 0.2) — the greedy total within objects is never above the optimum and at least
        // 93% of it summed over the items. Measured with seed 2026: 94.9% summed, 537 of the 1,000 items differ, the worst
        // at 67.7% — the greedy rule this replaces was materially worse than the optimum. The search gives up on about
        // 0.4% of such components (measured on 2,000 items), so the product's shortfall is a fraction of the 5%.
        var random = new Random(2026);
        double greedy = 0, optimal = 0, worst = 1;
        var differing = 0;
        for (var item = 0; item < 1000; item++)
        {
            var truth = Enumerable.Range(0, random.Next(3, 11)).Select(_ => random.NextDouble() * 20).ToArray();
            var positions = Enumerable.Range(0, random.Next(3, 6)).ToDictionary(
                k => $"annotator{k}",
                _ => truth.Where(_ => random.NextDouble() < 0.85).Select(t => t + ((random.NextDouble() - 0.5) * 0.7))
                    .Concat(random.NextDouble() < 0.2 ? [random.NextDouble() * 20] : []).ToArray());
            var counts = positions.ToDictionary(p => p.Key, p => p.Value.Length);
            var g = Total(positions, ConsensusClustering.Greedy(counts, (x, y) => Similarity(positions, x, y), 0.5));
            var o = Total(positions, Cluster(positions));
            Assert.True(Units(g) <= Units(o), $"item {item}: greedy {g} above the optimum {o}");
            differing += Units(g) < Units(o) ? 1 : 0;
            worst = o > 0 ? Math.Min(worst, g / o) : worst;
            (greedy, optimal) = (greedy + g, optimal + o);
        }

        output.WriteLine($"greedy/optimal {greedy / optimal:F4} summed, worst item {worst:F3}, {differing} of 1000 items differ");
        Assert.InRange(greedy / optimal, 0.93, 1.0);
        Assert.InRange(differing, 1, 1000);
    }

    [Fact]
    public void Cluster_NoAnnotators_NoObjects() =>
        Assert.Empty(ConsensusClustering.Cluster(new Dictionary<string, int>(), (_, _) => 1));

    /// <summary>3..4 annotators with 0..5 objects each at positions on a grid of 0.1 over [0, 3] (ties are common).</summary>
    private static readonly Arbitrary<double[][]> Annotators = Gen.Choose(3, 4).SelectMany(k =>
        Gen.Choose(0, 30).Select(p => p / 10.0).ArrayOf().Select(a => a.Take(5).ToArray()).ArrayOf(k)).ToArbitrary();

    [Property]
    public Property Cluster_AnnotatorsGivenInAnyOrder_SameConsensusObjects() => Prop.ForAll(Annotators, ArbMap.Default.ArbFor<int>(), (annotators, seed) =>
    {
        var named = annotators.Select((p, k) => new KeyValuePair<string, double[]>($"annotator{k}", p)).ToArray();
        var shuffled = (KeyValuePair<string, double[]>[])named.Clone();
        new Random(seed).Shuffle(shuffled);
        return Flatten(Cluster(new Dictionary<string, double[]>(named))) == Flatten(Cluster(new Dictionary<string, double[]>(shuffled)));
    });

    [Property]
    public Property Cluster_EveryObservationOnce_AtMostOnePerAnnotator_AllPairsAboveThreshold() => Prop.ForAll(Annotators, annotators =>
    {
        var positions = annotators.Select((p, k) => (Name: $"annotator{k}", Positions: p)).ToDictionary(a => a.Name, a => a.Positions);
        var objects = Cluster(positions);
        var all = objects.SelectMany(o => o.Observations).ToList();
        return all.Count == annotators.Sum(a => a.Length)
            && all.Distinct().Count() == all.Count
            && objects.All(o => o.Observations.Select(x => x.Annotator).Distinct().Count() == o.Observations.Count)
            && objects.All(o => o.Observations.All(x => o.Observations.All(y => x == y || Similarity(positions, x, y) >= 0.5)));
    });

    [Property]
    public Property Cluster_OnlyThePairsThatOverlap_SameConsensusObjectsAsAllPairs() => Prop.ForAll(Annotators, ArbMap.Default.ArbFor<int>(), (annotators, seed) =>
    {
        // Observations numbered as the clustering numbers them: annotators in ordinal order, then by index. Every pair
        // left out has similarity 0 (positions 1 or more apart), so it can never reach τ; the pairs come in any order.
        var positions = annotators.Select((p, k) => (Name: $"annotator{k}", Positions: p)).ToDictionary(a => a.Name, a => a.Positions);
        var observations = positions.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.Select((_, i) => new Observation(p.Key, i))).ToArray();
        var overlapping = (from x in Enumerable.Range(0, observations.Length)
                           from y in Enumerable.Range(x + 1, observations.Length - x - 1)
                           where Similarity(positions, observations[x], observations[y]) > 0
                           select (x, y)).ToArray();
        new Random(seed).Shuffle(overlapping);
        var counts = positions.ToDictionary(p => p.Key, p => p.Value.Length);
        return Flatten(ConsensusClustering.Cluster(counts, (x, y) => Similarity(positions, x, y), 0.5, overlapping)) == Flatten(Cluster(positions));
    });

    /// <summary>3..4 annotators with 0..2 objects each on a grid of 0.1 over [0, 1.5]: at most 8 observations, dense overlaps.</summary>
    private static readonly Arbitrary<double[][]> SmallItems = Gen.Choose(3, 4).SelectMany(k =>
        Gen.Choose(0, 15).Select(p => p / 10.0).ArrayOf().Select(a => a.Take(2).ToArray()).ArrayOf(k)).ToArbitrary();

    private static double Total(IReadOnlyDictionary<string, double[]> positions, IReadOnlyList<ConsensusObject> objects) =>
        objects.Sum(o => o.Observations.SelectMany((x, i) => o.Observations.Skip(i + 1).Select(y => Similarity(positions, x, y))).Sum());

    private static long Units(double similarity) => (long)Math.Round(similarity * 1e6);

    // The best total over every valid partition of observations[next..] given the groups so far.
    private static double BruteForce(IReadOnlyDictionary<string, double[]> positions, Observation[] observations, int next, List<List<Observation>> groups)
    {
        if (next == observations.Length)
        {
            return groups.Sum(g => g.SelectMany((x, i) => g.Skip(i + 1).Select(y => Similarity(positions, x, y))).Sum());
        }

        var o = observations[next];
        var best = double.NegativeInfinity;
        foreach (var group in groups.Where(g => g.All(x => x.Annotator != o.Annotator && Similarity(positions, x, o) >= 0.5)).ToList())
        {
            group.Add(o);
            best = Math.Max(best, BruteForce(positions, observations, next + 1, groups));
            group.RemoveAt(group.Count - 1);
        }

        groups.Add([o]);
        best = Math.Max(best, BruteForce(positions, observations, next + 1, groups));
        groups.RemoveAt(groups.Count - 1);
        return best;
    }

    private static string Flatten(IReadOnlyList<ConsensusObject> objects) =>
        string.Join(" | ", objects.Select(o => string.Join(",", o.Observations)));
}
