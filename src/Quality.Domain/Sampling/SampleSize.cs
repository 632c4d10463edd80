using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Quality.Domain.Sampling;

/// <summary>Sample sizes for estimating an error rate and for demonstrating that it is below a limit.</summary>
/// <remarks>
/// <para><b>Estimation.</b> Cochran (1977), <i>Sampling Techniques</i>, ch. 4: n₀ = z²p(1 − p)/e², z the two-sided normal
/// quantile of the confidence; with a population N the <see cref="FinitePopulationCorrection"/> (Cochran's
/// n₀/(1 + (n₀ − 1)/N) by default). Wilson: the smallest n whose Wilson (1927) interval half-width at p̂ = p is at most e
/// (the same correction then applied to it). Sizes are rounded <b>up</b> (384.15 → 385) and capped at N. The expected rate
/// defaults to 0.5, the largest p(1 − p), so the size is safe whatever the true rate; Cochran needs 0 &lt; p &lt; 1.</para>
/// <para><b>Demonstration.</b> The smallest n with P(X ≤ c) ≤ 1 − C where X ~ Binomial(n, limit) (P via the regularized
/// incomplete beta, I_{1−p}(n − c, c + 1)), or, for a lot of N items, X ~ Hypergeometric(N, D = ⌈limit·N⌉, n): a lot with
/// D defectives (the fewest at or above the limit) passes with probability at most 1 − C. c = 0, limit 1%, 95%: n = 299
/// (0.99²⁹⁹ = 0.0495; the "rule of three" gives ≈ 300). c ≥ D cannot demonstrate anything (caller error).</para>
/// </remarks>
public static class SampleSize
{
    public static EstimationSampleSize ForEstimate(
        double margin,
        double confidence,
        double expectedRate = 0.5,
        long? population = null,
        SampleSizeMethod method = SampleSizeMethod.Cochran,
        FinitePopulationCorrection correction = FinitePopulationCorrection.Cochran)
    {
        SamplingArguments.ThrowIfNotProbability(margin, nameof(margin));
        SamplingArguments.ThrowIfNotProbability(confidence, nameof(confidence));
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(expectedRate, 1.0);
        if (population is { } p)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(p, 1L, nameof(population));
        }

        var z = SamplingArguments.TwoSidedZ(confidence);
        var infinite = method switch
        {
            SampleSizeMethod.Cochran when expectedRate is > 0 and < 1 => z * z * expectedRate * (1 - expectedRate) / (margin * margin),
            SampleSizeMethod.Cochran => throw new ArgumentOutOfRangeException(nameof(expectedRate), expectedRate, "Cochran's size needs an expected rate in (0, 1); use the Wilson method."),
            SampleSizeMethod.Wilson => WilsonSize(z, expectedRate, margin),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "An estimate's size is computed by the Cochran or Wilson method."),
        };
        var corrected = population is { } n ? Correct(infinite, n, correction) : infinite;
        var size = Math.Max(1, SamplingArguments.Ceiling(corrected));
        return new EstimationSampleSize(
            (int)Math.Min(size, population ?? long.MaxValue), method, margin, confidence, expectedRate, population, infinite, population is null ? null : correction);
    }

    public static DemonstrationSampleSize ForDemonstration(double limit, double confidence, int failures = 0, long? population = null)
    {
        SamplingArguments.ThrowIfNotProbability(limit, nameof(limit));
        SamplingArguments.ThrowIfNotProbability(confidence, nameof(confidence));
        ArgumentOutOfRangeException.ThrowIfNegative(failures);
        var beta = 1 - confidence;
        if (population is not { } lot)
        {
            var size = SmallestSize(failures + 1, int.MaxValue, n => BinomialCdf(failures, n, limit) <= beta);
            return new DemonstrationSampleSize(size, SampleSizeMethod.Binomial, limit, confidence, failures, null, 1 - BinomialCdf(failures, size, limit));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lot, 1L, nameof(population));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lot, int.MaxValue, nameof(population));
        var defective = (int)SamplingArguments.Ceiling(limit * lot);
        if (failures >= defective)
        {
            throw new ArgumentOutOfRangeException(
                nameof(failures), failures, $"A lot of {lot} at the limit has {defective} defectives; allowing {failures} failures cannot tell it from a better one.");
        }

        var n = SmallestSize(failures + 1, (int)lot, s => HypergeometricCdf(failures, (int)lot, defective, s) <= beta);
        return new DemonstrationSampleSize(n, SampleSizeMethod.Hypergeometric, limit, confidence, failures, lot, 1 - HypergeometricCdf(failures, (int)lot, defective, n));
    }

    internal static double Correct(double infinite, long population, FinitePopulationCorrection correction) => correction switch
    {
        FinitePopulationCorrection.Bartlett => infinite / (1 + (infinite / population)),
        _ => infinite / (1 + ((infinite - 1) / population)),
    };

    private static double BinomialCdf(int failures, int n, double p) => SpecialFunctions.BetaRegularized(n - failures, failures + 1, 1 - p);

    private static double HypergeometricCdf(int failures, int lot, int defective, int n) => Hypergeometric.CDF(lot, defective, n, failures);

    private static double WilsonSize(double z, double p, double margin)
    {
        var z2 = z * z;
        double HalfWidth(int n) => z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return SmallestSize(1, int.MaxValue, n => HalfWidth(n) <= margin);
    }

    /// <summary>The smallest n in [from, to] satisfying a predicate that stays true once true (doubling, then bisection).</summary>
    private static int SmallestSize(int from, int to, Func<int, bool> enough)
    {
        long low = from, high = from;
        while (!enough((int)high))
        {
            if (high >= to)
            {
                throw new ArgumentOutOfRangeException(nameof(to), to, "No sample size up to the population is enough.");
            }

            low = high + 1;
            high = Math.Min(to, high * 2);
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (enough((int)middle))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return (int)high;
    }
}
