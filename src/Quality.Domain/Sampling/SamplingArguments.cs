using System.Globalization;

namespace Quality.Domain.Sampling;

/// <summary>The argument checks the sampling calculations share; a failed check is a caller bug.</summary>
internal static class SamplingArguments
{
    /// <summary>Confidence levels, limits and margins are probabilities strictly inside (0, 1).</summary>
    public static void ThrowIfNotProbability(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must lie in (0, 1)."));
        }
    }

    /// <summary>The two-sided standard normal quantile z_{1 − α/2} of a confidence level.</summary>
    public static double TwoSidedZ(double confidence) =>
        MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));

    /// <summary>The smallest integer ≥ x, forgiving floating-point noise of 10⁻⁹ (384.0000000001 is 384).</summary>
    public static long Ceiling(double x) => (long)Math.Ceiling(x - 1e-9);
}
