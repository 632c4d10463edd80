using MathNet.Numerics.Distributions;
using Quality.Domain.Matching;

namespace Quality.Domain.Sampling;

/// <summary>The Clopper–Pearson ("exact") interval of a binomial proportion.</summary>
/// <remarks>
/// Clopper &amp; Pearson (1934), <i>Biometrika</i> 26:404–413: lower = Beta⁻¹(α/2; x, n − x + 1) (0 when x = 0),
/// upper = Beta⁻¹(1 − α/2; x + 1, n − x) (1 when x = n), α = 1 − confidence. It inverts two one-sided binomial tests, so
/// its coverage is at least the nominal level (conservative); <see cref="WilsonScoreInterval"/> is shorter and closer to
/// nominal on average. Checked against R <c>binom.confint(method = "exact")</c> (statistics-vectors.md §8.2). No trials:
/// not defined (NaN).
/// </remarks>
public static class ClopperPearsonInterval
{
    public static RateEstimate Compute(long successes, long trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        SamplingArguments.ThrowIfNotProbability(confidence, nameof(confidence));
        if (trials == 0)
        {
            return RateEstimate.NotDefined;
        }

        var alpha = 1 - confidence;
        double x = successes, n = trials;
        var lower = successes == 0 ? 0 : Beta.InvCDF(x, n - x + 1, alpha / 2);
        var upper = successes == trials ? 1 : Beta.InvCDF(x + 1, n - x, 1 - (alpha / 2));
        return new RateEstimate(x / n, lower, upper);
    }
}
