using Quality.Domain.Matching;
using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

public sealed class ClopperPearsonIntervalTests
{
    // statistics-vectors.md §8.2: R binom::binom.confint(x, n, tol = 1e-8), method "exact", as stored in statsmodels
    // results_proportion.py and checked there at decimal = 6.
    [Theory]
    [InlineData(18, 20, 0.6830172859809176, 0.9876514728297052)]
    [InlineData(4, 20, 0.05733399705003284, 0.436614002996668)]
    [InlineData(4, 200, 0.005475565879556443, 0.05041360908989634)]
    [InlineData(190, 200, 0.9099724622986486, 0.975765834527891)]
    [InlineData(1, 30, 0.0008435709, 0.17216946)]
    [InlineData(29, 30, 0.8278305, 0.9991564)]
    [InlineData(0, 30, 0, 0.11570331)]
    [InlineData(30, 30, 0.8842967, 1)]
    public void Compute_PublishedValues_AgreeTo1e6(long x, long n, double lower, double upper)
    {
        var interval = ClopperPearsonInterval.Compute(x, n);

        Assert.Equal(lower, interval.Lower, 1e-6);
        Assert.Equal(upper, interval.Upper, 1e-6);
        Assert.Equal((double)x / n, interval.Value, 1e-15);
    }

    [Fact]
    public void Compute_IsWiderThanWilson()
    {
        var exact = ClopperPearsonInterval.Compute(4, 20);
        var wilson = WilsonScoreInterval.Compute(4, 20);

        Assert.True(exact.Lower < wilson.Lower && exact.Upper > wilson.Upper);
    }

    [Fact]
    public void Compute_NoTrials_IsNotDefined() => Assert.Equal(RateEstimate.NotDefined, ClopperPearsonInterval.Compute(0, 0));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Compute_ConfidenceOutside01_Throws(double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopperPearsonInterval.Compute(1, 2, confidence));
}
