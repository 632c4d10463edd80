namespace Quality.Domain.Findings;

/// <summary>Exact binomial funnel-plot limits for a proportion with n opportunities around a target p.</summary>
/// <remarks>
/// Spiegelhalter (2005), "Funnel plots for comparing institutional performance", <i>Stat Med</i> 24:1185–1202, §3.2 and
/// Appendix A.1.1: for coverage q, r_q is the q-quantile of Binomial(n, p) and, to smooth the discrete steps,
/// α = (P(Y ≤ r_q) − q)/(P(Y ≤ r_q) − P(Y ≤ r_q − 1)); the limit is (r_q − α)/n, clipped to [0, 1]. The limits at
/// coverage level L are the (1 − L)/2 and (1 + L)/2 limits. A target of 0 gives limits 0 (any error lies above).
/// </remarks>
public static class FunnelLimits
{
    public static double Limit(double q, long n, double p)
    {
        if (n <= 0 || double.IsNaN(p))
        {
            return double.NaN;
        }

        var r = BinomialTail.Quantile(q, n, p);
        var atR = BinomialTail.Cdf(r, n, p);
        var belowR = BinomialTail.Cdf(r - 1, n, p);
        var alpha = atR > belowR ? (atR - q) / (atR - belowR) : 0;
        return Math.Clamp((r - alpha) / n, 0, 1);
    }

    public static (double Lower, double Upper) Limits(double level, long n, double p) =>
        (Limit((1 - level) / 2, n, p), Limit((1 + level) / 2, n, p));
}
