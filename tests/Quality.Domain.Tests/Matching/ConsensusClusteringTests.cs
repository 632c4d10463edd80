using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

public sealed class ConsensusClusteringTests
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

    private static string Flatten(IReadOnlyList<ConsensusObject> objects) =>
        string.Join(" | ", objects.Select(o => string.Join(",", o.Observations)));
}
