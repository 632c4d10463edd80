using MathNet.Numerics;
using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Findings;

public sealed class ExactTestTests
{
    [Fact]
    public void FisherUpperTail_HandComputedTable_MatchesHypergeometricSum()
    {
        // 5/20 vs 1/80: X ~ H(N = 100, K = 6, n = 20); P(X ≥ 5) = (C(6,5)C(94,15) + C(6,6)C(94,14))/C(100,20) = 0.00107300652
        // (exact rational arithmetic; R fisher.test(matrix(c(5,15,1,79),2), alternative = "greater")).
        Assert.Equal(0.0010730065221965074, FisherExactTest.UpperTail(5, 20, 1, 80), 1e-12);
    }

    /// <summary>
    /// The tail from the table of log-factorials, ended once its terms underflow past the mode, is the whole tail summed
    /// with ln Γ per term (the test's form before the table) bit for bit: small tables, a drill-down's (120,000
    /// opportunities: from a = 310, far above the mean of 107, all but the first few hundred of its 2,901 terms are 0),
    /// one past the table's million (every term 0), a tail that starts below its mode and underflows past it, and one
    /// whose first terms underflow before the mode (they must not end it).
    /// </summary>
    [Theory]
    [InlineData(5, 20, 1, 80)]
    [InlineData(0, 10, 0, 10)]
    [InlineData(7, 7, 0, 3)]
    [InlineData(310, 4_000, 2_900, 116_000)]
    [InlineData(1_200, 50_000, 3_000, 1_200_000)]
    [InlineData(0, 50_000, 3_000, 1_200_000)]
    [InlineData(0, 50_000, 30_000, 100_000)]
    public void FisherUpperTail_FromTheLogFactorialTable_SameBitsAsLogGammaPerTerm(long a, long n1, long b, long n2)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(UpperTailByLogGamma(a, n1, b, n2)), BitConverter.DoubleToInt64Bits(FisherExactTest.UpperTail(a, n1, b, n2)));
        foreach (var n in new[] { 0, 1, 2, 170, 4_095, 123_457, (1 << 20) - 1, 1 << 20, 3_000_000 })
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(SpecialFunctions.GammaLn(n + 1.0)), BitConverter.DoubleToInt64Bits(FisherExactTest.LogFactorial(n)));
        }

        Assert.Equal(SpecialFunctions.GammaLn(3.5), FisherExactTest.LogFactorial(2.5)); // not whole: ln Γ itself
    }

    /// <summary>
    /// The table grown on every core, from empty and from a partial table, in blocks of 4,096: every entry is ln Γ(k + 1)
    /// bit for bit, at the blocks' edges and past the last whole block, and the earlier entries are kept.
    /// </summary>
    [Fact]
    public void Grown_OnEveryCore_EveryEntryItsLogGamma()
    {
        var fromEmpty = FisherExactTest.Grown([], 300_000, parallel: true);
        var partial = FisherExactTest.Grown([.. fromEmpty.Take(5_000)], 12_345, parallel: true);

        Assert.Equal(300_001, fromEmpty.Length);
        Assert.Equal(12_346, partial.Length);
        int[] fromEmptyAt = [0, 1, 4_095, 4_096, 4_097, 8_191, 123_457, 299_999, 300_000], partialAt = [0, 4_999, 5_000, 9_095, 9_096, 12_345];
        foreach (var (table, k) in fromEmptyAt.Select(k => (fromEmpty, k)).Concat(partialAt.Select(k => (partial, k))))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(SpecialFunctions.GammaLn(k + 1.0)), BitConverter.DoubleToInt64Bits(table[k]));
        }

        Assert.Equal(2 * 12_346, FisherExactTest.Grown(partial, 12_346, parallel: false).Length); // at least doubled
    }

    private static double UpperTailByLogGamma(long a, long n1, long b, long n2)
    {
        static double LogChoose(double logGammaOfNPlusOne, double n, double k) => logGammaOfNPlusOne - SpecialFunctions.GammaLn(k + 1) - SpecialFunctions.GammaLn(n - k + 1);
        double total = n1 + n2, successes = a + b;
        var logDenominator = LogChoose(SpecialFunctions.GammaLn(total + 1), total, n1);
        var (logSuccesses, logFailures) = (SpecialFunctions.GammaLn(successes + 1), SpecialFunctions.GammaLn(total - successes + 1));
        var p = 0.0;
        for (var x = Math.Max(a, (long)Math.Max(0, n1 - (total - successes))); x <= (long)Math.Min(successes, n1); x++)
        {
            p += Math.Exp(LogChoose(logSuccesses, successes, x) + LogChoose(logFailures, total - successes, n1 - x) - logDenominator);
        }

        return Math.Clamp(p, 0, 1);
    }

    [Fact]
    public void FisherUpperTail_NoExcess_IsOne()
    {
        Assert.Equal(1, FisherExactTest.UpperTail(0, 20, 3, 80), 1e-12);
        Assert.Equal(1, FisherExactTest.UpperTail(2, 20, 3, 0));
    }

    [Fact]
    public void BinomialUpper_HandComputed_MatchesOneMinusCdf()
    {
        // P(Y ≥ 3 | 10, 0.1) = 1 − (0.9¹⁰ + 10·0.1·0.9⁹ + 45·0.01·0.9⁸) = 1 − 0.9298091736 = 0.0701908264.
        Assert.Equal(0.0701908264, BinomialTail.Upper(3, 10, 0.1), 1e-10);
        Assert.Equal(1, BinomialTail.Upper(0, 10, 0.1));
    }

    [Fact]
    public void FunnelLimits_ExactBinomialWithSpiegelhalterInterpolation()
    {
        // Binomial(100, 0.02): P(Y ≤ 6) = 0.9959379459, P(Y ≤ 7) = 0.9990680600 (exact rational sums), so r₀.₉₉₉ = 7,
        // α = (0.99906806 − 0.999)/(0.99906806 − 0.99593795) = 0.0217437, upper limit (7 − α)/100 = 0.0697826.
        // Lower: P(Y ≤ 0) = 0.1326 ≥ 0.001, r = 0, α = (0.1326 − 0.001)/0.1326, (0 − α)/100 < 0 → clipped to 0.
        var (lower, upper) = FunnelLimits.Limits(0.998, 100, 0.02);

        Assert.Equal(0.06978256376878127, upper, 1e-9);
        Assert.Equal(0, lower);
        // Binomial(50, 0.1): r₀.₉₉₉ = 13, P(Y ≤ 12) = 0.99899538, P(Y ≤ 13) = 0.99971488 → 0.2401284.
        Assert.Equal(0.2401284187523895, FunnelLimits.Limit(0.999, 50, 0.1), 1e-9);
        Assert.Equal(0, FunnelLimits.Limit(0.999, 50, 0));
    }
}
