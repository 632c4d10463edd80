using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class BinomialVariateEquivalenceTests
{
    /// <summary>
    /// Both methods (np below and above 10, and its edge), p above ½ (the complement, including p just above ½ and near
    /// 1), tiny p with huge n, and n = 1: the same draws as the old code and the same uniforms consumed.
    /// </summary>
    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(30, 0.2)]
    [InlineData(100, 0.1)]
    [InlineData(101, 0.099)]
    [InlineData(1_000, 0.01)]
    [InlineData(1_000, 0.5)]
    [InlineData(1_000, 0.5000000000000001)]
    [InlineData(997, 0.7)]
    [InlineData(40, 0.97)]
    [InlineData(1_000_000, 0.000_019_644)]
    [InlineData(999_518, 0.000_003)]
    [InlineData(999_518, 0.3333333333333333)]
    [InlineData(5_000_000, 0.999_99)]
    public void Draw_PreparedProbability_SameDrawsAndUniformsAsTheOldCode(long n, double p)
    {
        var (random, reference) = (new SubtractiveGenerator(20), new SubtractiveGenerator(20));
        var prepared = new BinomialProbability(p);
        for (var i = 0; i < 5_000; i++)
        {
            Assert.Equal(BinomialVariateReference.Draw(reference, n, p), BinomialVariate.Draw(random, n, prepared));
        }

        Assert.Equal(reference.NextDouble(), random.NextDouble());
    }

    [Fact]
    public void UnitBootstrap_GroupsOfEverySize_SameCountsAsTheOldChain()
    {
        // Zero multiplicities inside and at the end, singletons, groups large enough for transformed rejection, and one
        // group holding most units (its p passes ½ late in the chain).
        long[] multiplicities = [3, 0, 1, 250, 7, 19_644, 1, 0, 12, 90_000, 5, 1, 0];
        var bootstrap = new UnitBootstrap(multiplicities);
        var (counts, expected) = (new long[multiplicities.Length], new long[multiplicities.Length]);
        for (var b = 0; b < 300; b++)
        {
            Array.Fill(counts, -1);
            bootstrap.Draw(ReplicateStream.Generator(1, b), counts);
            BinomialVariateReference.Replicate(multiplicities, ReplicateStream.Generator(1, b), expected);
            Assert.Equal(expected, counts);
        }
    }

    [Fact]
    public void UnitBootstrap_TwoReplicatesSideBySide_EachAsDrawnAlone()
    {
        // The second replicate runs out of draws at another pattern than the first (one group holds nearly every unit).
        long[] multiplicities = [2, 40, 0, 1, 100_000, 3, 0, 1];
        var bootstrap = new UnitBootstrap(multiplicities);
        var (first, second, expected) = (new long[multiplicities.Length], new long[multiplicities.Length], new long[multiplicities.Length]);
        for (var b = 0; b < 400; b += 2)
        {
            bootstrap.Draw(ReplicateStream.Generator(9, b), first, ReplicateStream.Generator(9, b + 1), second);
            bootstrap.Draw(ReplicateStream.Generator(9, b), expected);
            Assert.Equal(expected, first);
            bootstrap.Draw(ReplicateStream.Generator(9, b + 1), expected);
            Assert.Equal(expected, second);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    [InlineData(-1e-300)]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(-1.5)]
    [InlineData(2.9999999999999996)]
    [InlineData(-2.9999999999999996)]
    [InlineData(4503599627370495.5)]
    [InlineData(-4503599627370495.5)]
    [InlineData(4503599627370496.0)]
    [InlineData(9.3e18)]
    [InlineData(-9.3e18)]
    [InlineData(1e300)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void Floor_IsMathFloorBitForBit(double x)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Floor(x)), BitConverter.DoubleToInt64Bits(BinomialVariate.Floor(x)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(Math.Floor(-x)), BitConverter.DoubleToInt64Bits(BinomialVariate.Floor(-x)));
    }
}
