using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Geometry;

namespace Quality.Domain.Tests.Geometry;

/// <summary>The candidate finder returns exactly the pairs a brute-force bounding-circle test keeps.</summary>
public sealed class SweepAndPruneTests
{
    // A 100 m scene of 0..25 objects per set, so sets are sparse enough for the sweep to prune.
    private static readonly Arbitrary<RotatedRectangle[]> Scenes = (
        from x in Gen.Choose(-50_000, 50_000)
        from y in Gen.Choose(-50_000, 50_000)
        from length in Gen.Choose(500, 6_000)
        from width in Gen.Choose(500, 3_000)
        from yaw in Gen.Choose(-3_141, 3_141)
        select new RotatedRectangle(x / 1000.0, y / 1000.0, length / 1000.0, width / 1000.0, yaw / 1000.0))
        .ListOf().Select(l => l.Take(25).ToArray()).ToArbitrary();

    [Property]
    public Property Candidates_EqualBruteForceCircleTest_AndPairsLeftOutHaveIouZero() => Prop.ForAll(Scenes, Scenes, (first, second) =>
    {
        var candidates = SweepAndPrune.Candidates(first, second);
        var all = from i in Enumerable.Range(0, first.Length)
                  from j in Enumerable.Range(0, second.Length)
                  select new CandidatePair(i, j);
        var expected = all.Where(p => RotatedRectangle.BoundingCirclesOverlap(first[p.First], second[p.Second])).ToList();
        var leftOut = all.Except(candidates);
        return candidates.SequenceEqual(expected)
            && leftOut.All(p => IntersectionOverUnion.Of(first[p.First], second[p.Second]) == 0);
    });

    // second[3] is a candidate of first[0] (centres √8 apart, radii √5 + √2/2) though the boxes share no area.
    [Fact]
    public void Candidates_HandPlacedScene_KeepsOnlyNearPairsInOrder()
    {
        RotatedRectangle[] first = [new(0, 0, 4, 2, 0), new(20, 0, 4, 2, 0), new(40, 0, 4, 2, 0)];
        RotatedRectangle[] second = [new(40.5, 0.2, 4, 2, 0.1), new(100, 0, 4, 2, 0), new(0.3, -0.1, 4, 2, 3.1), new(2, 2, 1, 1, 0)];
        Assert.Equal([new(0, 2), new(0, 3), new(2, 0)], SweepAndPrune.Candidates(first, second));
    }

    [Fact]
    public void Candidates_EmptySet_IsEmpty() =>
        Assert.Empty(SweepAndPrune.Candidates([], [new RotatedRectangle(0, 0, 1, 1, 0)]));
}
