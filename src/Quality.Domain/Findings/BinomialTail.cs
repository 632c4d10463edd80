using MathNet.Numerics;

namespace Quality.Domain.Findings;

/// <summary>Exact binomial tail probabilities and quantiles through the regularised incomplete beta.</summary>
/// <remarks>
/// For Y ~ Binomial(n, p): P(Y ≥ x) = I_p(x, n − x + 1) and P(Y ≤ r) = 1 − I_p(r + 1, n − r) (Abramowitz &amp; Stegun
/// 26.5.24), accurate in the far tails where summing the mass function or 1 − CDF is not.
/// </remarks>
internal static class BinomialTail
{
    /// <summary>P(Y ≥ x), the one-sided exact binomial test p-value (R <c>binom.test(alternative = "greater")</c>).</summary>
    public static double Upper(long x, long n, double p)
    {
        if (x <= 0)
        {
            return 1;
        }

        return x > n ? 0 : SpecialFunctions.BetaRegularized(x, n - x + 1, p);
    }

    /// <summary>P(Y ≤ r).</summary>
    public static double Cdf(long r, long n, double p)
    {
        if (r < 0)
        {
            return 0;
        }

        return r >= n ? 1 : 1 - SpecialFunctions.BetaRegularized(r + 1, n - r, p);
    }

    /// <summary>The smallest r with P(Y ≤ r) ≥ q, by bisection (O(log n) evaluations).</summary>
    public static long Quantile(double q, long n, double p)
    {
        long low = 0, high = n;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Cdf(middle, n, p) >= q)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
