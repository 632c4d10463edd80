using MathNet.Numerics.Distributions;

namespace Quality.Domain.Matching;

/// <summary>The Wilson score interval of a binomial proportion.</summary>
/// <remarks>
/// Wilson (1927), <i>JASA</i> 22:209–212: (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z the 1 − α/2 normal
/// quantile. Unlike the Wald interval it stays inside [0, 1] and is not empty at x = 0 or x = n, which matters for
/// per-class counts that are often small. Checked against R <c>binom.confint(method = "wilson")</c>
/// (statistics-vectors.md §8.2). No trials: not defined (NaN).
/// </remarks>
public static class WilsonScoreInterval
{
    public static RateEstimate Compute(long successes, long trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level lies in (0, 1).");
        }

        if (trials == 0)
        {
            return RateEstimate.NotDefined;
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        double n = trials, p = successes / n, z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var halfWidth = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        var denominator = 1 + (z2 / n);
        var lower = successes == 0 ? 0 : (centre - halfWidth) / denominator;
        var upper = successes == trials ? 1 : (centre + halfWidth) / denominator;
        return new RateEstimate(p, lower, upper);
    }
}
