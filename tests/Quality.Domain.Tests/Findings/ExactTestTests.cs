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
