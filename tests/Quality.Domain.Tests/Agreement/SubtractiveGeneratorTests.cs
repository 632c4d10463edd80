using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class SubtractiveGeneratorTests
{
    /// <summary>Seeds at the edges of the seeding (0, negative, 161803398 and above, int.MinValue and MaxValue) and replicate streams'.</summary>
    public static TheoryData<int> Seeds() =>
        [0, 1, -1, 7, 161_803_397, 161_803_398, 161_803_399, int.MaxValue, int.MinValue, int.MinValue + 1, ReplicateStream.Seed(1, 0), ReplicateStream.Seed(1, 999)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tally_EdgeSeeds_CountsTheDrawsOfRandomNext(int seed)
    {
        // Around the generator's table of 55 (one renewal per 55 draws), and a bootstrap-sized draw.
        foreach (var n in new[] { 1, 2, 54, 55, 56, 110, 111, 1000, 40_013 })
        {
            AssertSameDraws(seed, n);
        }
    }

    [Fact]
    public void Tally_RandomSeeds_CountsTheDrawsOfRandomNext()
    {
        var seeds = new Random(20);
        for (var trial = 0; trial < 200; trial++)
        {
            AssertSameDraws(seeds.Next(int.MinValue, int.MaxValue), seeds.Next(1, 3000));
        }
    }

    [Fact]
    public void NextDouble_ThenTally_ContinueRandomsSequence()
    {
        // Uniforms across several renewals of the table, then draws starting mid-table, then uniforms again.
        var (random, generator) = (new Random(2042), new SubtractiveGenerator(2042));
        for (var k = 0; k < 130; k++)
        {
            Assert.Equal(random.NextDouble(), generator.NextDouble());
        }

        var expected = new int[97];
        for (var k = 0; k < expected.Length; k++)
        {
            expected[random.Next(expected.Length)]++;
        }

        var counts = new int[97];
        generator.Tally(counts);
        Assert.Equal(expected, counts);
        Assert.Equal(random.NextDouble(), generator.NextDouble());
    }

    /// <summary>n calls of <see cref="Random.Next(int)"/> with bound n on <c>new Random(seed)</c>, counted per value.</summary>
    private static void AssertSameDraws(int seed, int n)
    {
        var random = new Random(seed);
        var expected = new int[n];
        for (var k = 0; k < n; k++)
        {
            expected[random.Next(n)]++;
        }

        var counts = new int[n];
        new SubtractiveGenerator(seed).Tally(counts);

        Assert.Equal(expected, counts);
    }
}
