using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class DensePatternCountsTests
{
    [Theory]
    [InlineData(5, 10, 71_037, true)] // the alpha table: 11⁵ = 161,051 slots for its 71,037 distinct patterns
    [InlineData(5, 10, 2_000, false)] // 161,051 slots > 64 × 2,000
    [InlineData(5, 10, 2_517, true)] // 64 × 2,517 = 161,088 ≥ 161,051
    [InlineData(6, 10, 1_000_000, false)] // 11⁶ = 1,771,561 slots > 2¹⁸
    [InlineData(1, 1, 0, true)] // one annotator, one value: 2 slots
    [InlineData(0, 3, 10, false)]
    [InlineData(3, 0, 10, false)]
    public void For_SlotsWithinBothLimits_OnlyThen(int annotators, int values, long patterns, bool made) =>
        Assert.Equal(made, DensePatternCounts.For(annotators, values, patterns) is not null);

    [Fact]
    public void TryAdd_AnnotatorOrValueBeyondTheLayout_RefusesAndCountsNothing()
    {
        var counts = DensePatternCounts.For(2, 3, 100)!;

        Assert.True(counts.TryAdd([Key(0, 2), Key(1, 0)], 4));
        Assert.False(counts.TryAdd([Key(0, 1), Key(2, 0)], 1)); // annotator 2 of 2
        Assert.False(counts.TryAdd([Key(0, 3)], 1)); // value 3 of 3
        Assert.Equal(1, counts.Distinct);
        Assert.Equal([("0,2,1,0", 4L)], Drained(counts));
    }

    [Fact]
    public void AddFrom_NumbersMapped_LandsInTheMappedSlotsInSlotOrder()
    {
        // Other: (a0=v0) × 2 and (a0=v1, a1=v1) × 5. Mapped a0→1, a1→0, v0→1, v1→0: (a1=v1) × 2 and (a0=v0, a1=v0) × 5.
        // In a 2-annotator, 2-value layout (radix 3) those are slots 0 + 3·2 = 6 and 1 + 3·1 = 4: the second drains first.
        var other = DensePatternCounts.For(2, 2, 100)!;
        other.Add([0, 0], 2);
        other.Add([0, 1, 1, 1], 5);
        var counts = DensePatternCounts.For(2, 2, 100)!;

        counts.AddFrom(other, [1, 0], [1, 0]);
        counts.AddFrom(other, [1, 0], [1, 0]);

        Assert.Equal(2, counts.Distinct);
        Assert.Equal([("0,0,1,0", 10L), ("1,1", 4L)], Drained(counts));
    }

    [Fact]
    public void AddFrom_IntoAWiderLayout_KeepsEveryPattern()
    {
        // Every pattern of 3 annotators over 2 values (3³ − 1 = 26) into 4 annotators over 5 values, numbers unchanged.
        var other = DensePatternCounts.For(3, 2, 100)!;
        var all = Enumerable.Range(1, 26).Select(slot => new[] { slot % 3, slot / 3 % 3, slot / 9 }).ToArray();
        foreach (var (digits, u) in all.Select((d, u) => (d, u)))
        {
            var pairs = digits.SelectMany((d, a) => d == 0 ? [] : new[] { a, d - 1 }).ToArray();
            other.Add(pairs, u + 1);
        }

        var wider = DensePatternCounts.For(4, 5, 1_000)!;
        wider.AddFrom(other, [0, 1, 2], [0, 1]);

        var (expected, actual) = (Drained(other), Drained(wider));
        Assert.Equal(26, actual.Length);
        Assert.Equal(expected.Order(), actual.Order());
        Assert.Equal(Enumerable.Range(1, 26).Sum(), actual.Sum(p => p.Units));
    }

    [Fact]
    public void Add_CountsPast16Bits_CarryIntoTheDrainedUnitsAndAcrossAddFrom()
    {
        // 3·10⁹ + 3·10⁹ + 2³² − 1 units of one pattern, far past 2¹⁶ and past 2³²; 2¹⁶ units of another one by one,
        // the last carrying its count to exactly 2¹⁶; then both added into another layout twice.
        var counts = DensePatternCounts.For(2, 2, 100)!;
        counts.Add([1, 1], 3_000_000_000);
        counts.Add([1, 1], 3_000_000_000);
        counts.Add([1, 1], uint.MaxValue);
        for (var u = 0; u <= ushort.MaxValue; u++)
        {
            counts.Add([0, 0], 1);
        }

        var sum = DensePatternCounts.For(2, 2, 100)!;
        sum.AddFrom(counts, [0, 1], [0, 1]);
        sum.AddFrom(counts, [0, 1], [0, 1]);

        Assert.Equal(2, sum.Distinct);
        Assert.Equal([("0,0", 2 * 65_536L), ("1,1", 2 * (6_000_000_000L + uint.MaxValue))], Drained(sum));
    }

    /// <summary>The patterns drained, in slot order: their numbers joined by commas, and their units.</summary>
    private static (string Pattern, long Units)[] Drained(DensePatternCounts counts)
    {
        var patterns = new SequenceSet<int>();
        var units = counts.DrainInto(patterns);
        return [.. Enumerable.Range(0, patterns.Count).Select(p => (string.Join(',', patterns[p].ToArray()), units[p]))];
    }

    private static long Key(int annotator, int value) => ((long)annotator << 32) | (uint)value;
}
