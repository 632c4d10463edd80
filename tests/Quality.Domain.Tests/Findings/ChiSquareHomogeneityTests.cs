using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class ChiSquareHomogeneityTests
{
    [Fact]
    public void Test_HandComputedThreeByTwo_MatchesPearsonStatisticAndPValue()
    {
        // 10/100, 20/100, 30/100: p = 60/300 = 0.2, e_i = 20, n_i p(1 − p) = 16, X² = (10² + 0 + 10²)/16 = 12.5, df = 2;
        // for df = 2 the survival function is exp(−X²/2) = exp(−6.25) = 0.0019304541… (R chisq.test: X-squared = 12.5, p = 0.00193).
        var test = ChiSquareHomogeneity.Test([10, 20, 30], [100, 100, 100], 100, new Random(1));

        Assert.Equal(ChiSquareHomogeneity.Asymptotic, test.Method);
        Assert.Equal(12.5, test.Statistic, 1e-12);
        Assert.Equal(2, test.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-6.25), test.PValue, 1e-12);
        Assert.Equal(20, test.MinimumExpected, 1e-12);
    }

    [Fact]
    public void Test_SmallTwoByTwo_MonteCarloPCloseToExactFisher()
    {
        // 3/5 vs 0/5: e = 1.5 < 5 → Monte Carlo. X²_obs = 2·1.5²/(5·0.3·0.7) = 4.286. Under the margins x_A ~ H(10, 3, 5);
        // X² ≥ X²_obs only at x_A ∈ {0, 3}: (C(5,0)C(5,3) + C(5,3)C(5,0))/C(10,3) = 20/120 = 0.1667, Fisher's two-sided p.
        var test = ChiSquareHomogeneity.Test([3, 0], [5, 5], 10_000, new Random(7));

        Assert.Equal(ChiSquareHomogeneity.MonteCarlo, test.Method);
        Assert.Equal(10_000, test.Replicates);
        Assert.Equal(30.0 / 7, test.Statistic, 1e-12);
        Assert.Equal(1.0 / 6, test.PValue, 0.015); // 4 SE of a 10 000-replicate estimate
    }

    [Fact]
    public void Test_SameSeed_SamePValue()
    {
        var a = ChiSquareHomogeneity.Test([4, 0, 1], [50, 60, 40], 2000, new Random(3));
        var b = ChiSquareHomogeneity.Test([4, 0, 1], [50, 60, 40], 2000, new Random(3));

        Assert.Equal(a.PValue, b.PValue);
        Assert.True(a.PValue >= 1.0 / 2001);
    }

    [Theory]
    [InlineData(new long[] { 0, 0 }, new long[] { 10, 20 })]
    [InlineData(new long[] { 10, 20 }, new long[] { 10, 20 })]
    [InlineData(new long[] { 3 }, new long[] { 10 })]
    public void Test_ConstantColumnOrOneAnnotator_NotDefined(long[] errors, long[] opportunities)
    {
        var test = ChiSquareHomogeneity.Test(errors, opportunities, 100, new Random(1));

        Assert.Equal("not defined", test.Method);
        Assert.True(double.IsNaN(test.PValue));
    }
}
