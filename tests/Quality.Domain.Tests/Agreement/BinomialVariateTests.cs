using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class BinomialVariateTests
{
    [Theory]
    [InlineData(20, 0.1)]
    [InlineData(1_000, 0.3)]
    [InlineData(1_000_000, 0.9)]
    [InlineData(50, 0.999)]
    public void Draw_ManyDraws_MatchBinomialMeanAndVariance(long n, double p)
    {
        const int draws = 20_000;
        var random = new SubtractiveGenerator(11);
        var values = Enumerable.Range(0, draws).Select(_ => (double)BinomialVariate.Draw(random, n, p)).ToArray();

        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (draws - 1);
        var expectedVariance = n * p * (1 - p);

        Assert.All(values, v => Assert.InRange(v, 0, n));
        // Five standard errors of the mean; the sample variance within 10% (its SE is about 1% here).
        Assert.InRange(mean, n * p - 5 * Math.Sqrt(expectedVariance / draws), n * p + 5 * Math.Sqrt(expectedVariance / draws));
        Assert.InRange(variance, 0.9 * expectedVariance, 1.1 * expectedVariance);
    }

    [Theory]
    [InlineData(0, 0.5, 0)]
    [InlineData(7, 0.0, 0)]
    [InlineData(7, 1.0, 7)]
    public void Draw_DegenerateParameters_AreCertain(long n, double p, long expected) =>
        Assert.Equal(expected, BinomialVariate.Draw(new SubtractiveGenerator(1), n, p));

    /// <summary>ln k! against Python 3.11's math.lgamma(k + 1): the last lnΓ entry, Stirling's first, the table's last, past it, and far out.</summary>
    [Theory]
    [InlineData(255, 1161.7121011184006)]
    [InlineData(256, 1167.2572785628802)]
    [InlineData(1_000, 5912.128178488163)]
    [InlineData(4_095, 29970.33029467733)]
    [InlineData(4_096, 29978.648060844047)]
    [InlineData(1_000_000, 12815518.384658169)]
    public void LogFactorial_MatchesLogGamma(double k, double expected) =>
        Assert.Equal(expected, BinomialVariate.LogFactorial(k), expected * 1e-15);

    [Fact]
    public void LogFactorial_TabledAboveTheGammaEntries_IsStirlingsSeriesBitForBit()
    {
        // The table only saves the series' logarithms: a draw reading it accepts exactly as one computing the series would.
        for (var k = 256; k < 5_000; k++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(BinomialVariate.Stirling(k)), BitConverter.DoubleToInt64Bits(BinomialVariate.LogFactorial(k)));
        }
    }
}
