using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

public sealed class MaximumWeightMatchingTests
{
    [Fact]
    public void Compute_GreedyIsSuboptimal_TakesTheOptimalPairs()
    {
        // Greedy takes 0.9 then 0.1 (total 1.0); the optimum is 0.8 + 0.8 = 1.6.
        var matching = MaximumWeightMatching.Compute(new[,] { { 0.9, 0.8 }, { 0.8, 0.1 } }, threshold: 0.05);

        Assert.Equal([new ScoredPair(0, 1, 0.8), new ScoredPair(1, 0, 0.8)], matching.Pairs);
        Assert.Equal(1.6, matching.TotalSimilarity, 1e-12);
    }

    [Fact]
    public void Compute_GreedyIsOptimal_TakesTheSamePairs()
    {
        var matching = MaximumWeightMatching.Compute(new[,] { { 0.9, 0.2 }, { 0.3, 0.7 } }, threshold: 0.05);

        Assert.Equal([new ScoredPair(0, 0, 0.9), new ScoredPair(1, 1, 0.7)], matching.Pairs);
    }

    [Fact]
    public void Compute_PairBelowThreshold_IsNotEligible()
    {
        // With τ = 0.5 the 0.1 pair is out, so greedy's first choice 0.9 alone (0.9) loses to 0.8 + 0.8 still;
        // with τ = 0.85 only the 0.9 pair remains.
        var matching = MaximumWeightMatching.Compute(new[,] { { 0.9, 0.8 }, { 0.8, 0.1 } }, threshold: 0.85);

        Assert.Equal([new ScoredPair(0, 0, 0.9)], matching.Pairs);
        Assert.Equal([1], matching.UnmatchedLeft());
        Assert.Equal([1], matching.UnmatchedRight());
    }

    [Fact]
    public void Compute_SimilarityEqualToThreshold_IsEligible() =>
        Assert.Single(MaximumWeightMatching.Compute(new[,] { { 0.5 } }).Pairs);

    [Fact]
    public void Compute_AllTied_PrefersTheLexicographicallySmallestRights()
    {
        // Every perfect matching of a 3 × 3 matrix of equal values is optimal; the rule picks the identity.
        var matching = MaximumWeightMatching.Compute(3, 3, (_, _) => 0.6);

        Assert.Equal([0, 1, 2], Enumerable.Range(0, 3).Select(matching.RightOf));
    }

    [Fact]
    public void Compute_TiedOptimaOfDifferentSizes_PrefersLeftZeroOnItsSmallestRight()
    {
        // {(0,0)} weighs 1.0 and {(0,1), (1,0)} weighs 0.5 + 0.5: left 0 takes right 0, left 1 stays unmatched.
        var matching = MaximumWeightMatching.Compute(new[,] { { 1.0, 0.5 }, { 0.5, 0 } }, threshold: 0.1);

        Assert.Equal([new ScoredPair(0, 0, 1.0)], matching.Pairs);
    }

    [Fact]
    public void Compute_TieDecidedAfterAnEarlierLeft_KeepsTheEarlierChoice()
    {
        // Optima (weight 1.4): {(0,0),(1,1)}, {(0,1),(1,0)}. Left 0 prefers right 0, so left 1 gets right 1.
        var matching = MaximumWeightMatching.Compute(new[,] { { 0.7, 0.7 }, { 0.7, 0.7 }, { 0.2, 0.2 } }, threshold: 0.1);

        Assert.Equal([0, 1, -1], Enumerable.Range(0, 3).Select(matching.RightOf));
    }

    [Fact]
    public void Compute_Rectangular_MatchesEachObjectAtMostOnce()
    {
        // Three lefts compete for two rights; the optimum drops left 1: 0.9 + 0.8 = 1.7 beats 0.9 + 0.7 and 0.6 + 0.8.
        var matching = MaximumWeightMatching.Compute(new[,] { { 0.9, 0.6 }, { 0.7, 0.7 }, { 0.0, 0.8 } });

        Assert.Equal([new ScoredPair(0, 0, 0.9), new ScoredPair(2, 1, 0.8)], matching.Pairs);
        Assert.Equal([1], matching.UnmatchedLeft());
    }

    [Fact]
    public void Compute_Transposed_MatchesTheSamePairs()
    {
        var matching = MaximumWeightMatching.Compute(new[,] { { 0.9, 0.7, 0.0 }, { 0.6, 0.7, 0.8 } });

        Assert.Equal([new ScoredPair(0, 0, 0.9), new ScoredPair(1, 2, 0.8)], matching.Pairs);
        Assert.Equal([1], matching.UnmatchedRight());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 3)]
    [InlineData(4, 0)]
    public void Compute_EmptySide_MatchesNothing(int lefts, int rights)
    {
        var matching = MaximumWeightMatching.Compute(lefts, rights, (_, _) => 1.0);

        Assert.Empty(matching.Pairs);
        Assert.Equal(lefts, matching.UnmatchedLeft().Count());
        Assert.Equal(rights, matching.UnmatchedRight().Count());
    }

    [Fact]
    public void Compute_DisjointClusters_SolvesEachOptimally()
    {
        // Two copies of the greedy trap far apart (no eligible pair between them) and one lone object each side.
        var pairs = new[]
        {
            new ScoredPair(0, 0, 0.9), new ScoredPair(0, 1, 0.8), new ScoredPair(1, 0, 0.8), new ScoredPair(1, 1, 0.1),
            new ScoredPair(3, 3, 0.9), new ScoredPair(3, 4, 0.8), new ScoredPair(4, 3, 0.8), new ScoredPair(4, 4, 0.1),
        };

        var matching = MaximumWeightMatching.Compute(6, 6, pairs);

        Assert.Equal([1, 0, -1, 4, 3, -1], Enumerable.Range(0, 6).Select(matching.RightOf));
        Assert.Equal(3.2, matching.TotalSimilarity, 1e-12);
    }

    [Fact]
    public void Compute_NaNSimilarity_IsNotEligible() =>
        Assert.Empty(MaximumWeightMatching.Compute(new[,] { { double.NaN } }).Pairs);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Compute_ThresholdOutsideUnitInterval_Throws(double threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MaximumWeightMatching.Compute(new[,] { { 0.5 } }, threshold));

    [Fact]
    public void Compute_SparsePairRepeatedOrOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Compute(1, 1, [new ScoredPair(0, 0, 0.6), new ScoredPair(0, 0, 0.7)]));
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Compute(1, 1, [new ScoredPair(0, 1, 0.6)]));
        Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Compute(1, 1, [new ScoredPair(0, 0, 1.2)]));
    }

    [Fact]
    public void Compute_PairRepeatedAfterOthers_ThrowsNamingIt()
    {
        // Not in ascending order, so the duplicate is found by the set, not by order: (1, 0) again after (0, 1).
        var error = Assert.Throws<ArgumentException>(() => MaximumWeightMatching.Compute(2, 2,
            [new ScoredPair(1, 0, 0.6), new ScoredPair(0, 1, 0.6), new ScoredPair(1, 0, 0.7)]));

        Assert.StartsWith("Pair (1, 0) is given twice.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PairsOutOfOrder_MatchedPairsInAscendingLeft()
    {
        var matching = MaximumWeightMatching.Compute(3, 3, [new ScoredPair(2, 2, 0.9), new ScoredPair(0, 1, 0.8), new ScoredPair(1, 0, 0.7)]);

        Assert.Equal([new ScoredPair(0, 1, 0.8), new ScoredPair(1, 0, 0.7), new ScoredPair(2, 2, 0.9)], matching.Pairs);
        Assert.Equal([1, 0, 2], Enumerable.Range(0, 3).Select(matching.LeftOf));
    }
}
