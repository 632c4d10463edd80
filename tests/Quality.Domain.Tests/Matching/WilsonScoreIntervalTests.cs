using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

public sealed class WilsonScoreIntervalTests
{
    // statistics-vectors.md §8.2: R binom::binom.confint(x, n, tol = 1e-8), method "wilson", as stored in statsmodels
    // statsmodels/stats/tests/results/results_proportion.py. R printed the first four rows at full precision (checked
    // to 1e-12), the last four with 7 to 9 decimals (checked to ±0.5 unit of the coarsest, 5e-8).
    [Theory]
    [InlineData(18, 20, 0.6989663547715128, 0.972133518786232, 1e-12)]
    [InlineData(4, 20, 0.0806576625797981, 0.4160174322518935, 1e-12)]
    [InlineData(4, 200, 0.00780442641634947, 0.05028708690582643, 1e-12)]
    [InlineData(190, 200, 0.910421851861224, 0.972617354399236, 1e-12)]
    [InlineData(1, 30, 0.005908590, 0.16670391, 5e-8)]
    [InlineData(29, 30, 0.8332961, 0.9940914, 5e-8)]
    [InlineData(0, 30, 0, 0.11351339, 5e-8)]
    [InlineData(30, 30, 0.8864866, 1, 5e-8)]
    public void Compute_PublishedValues_Agree(long x, long n, double lower, double upper, double tolerance)
    {
        var interval = WilsonScoreInterval.Compute(x, n);

        Assert.Equal(lower, interval.Lower, tolerance);
        Assert.Equal(upper, interval.Upper, tolerance);
        Assert.Equal((double)x / n, interval.Value, 1e-15);
    }

    [Fact]
    public void Compute_NoTrials_IsNotDefined() => Assert.Equal(RateEstimate.NotDefined, WilsonScoreInterval.Compute(0, 0));

    [Fact]
    public void Compute_MoreSuccessesThanTrials_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonScoreInterval.Compute(3, 2));
}
