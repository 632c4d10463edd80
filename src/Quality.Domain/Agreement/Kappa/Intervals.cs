namespace Quality.Domain.Agreement.Kappa;

/// <summary>The two interval conventions the reference implementations use.</summary>
internal static class Intervals
{
    public const double DefaultLevel = 0.95;

    /// <summary>Wald interval κ ± z_{1−α/2}·SE (SAS PROC FREQ, statsmodels, for Cohen's kappa).</summary>
    public static ConfidenceInterval Wald(double estimate, double standardError, double level)
    {
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        return Defined(estimate, standardError)
            ? new ConfidenceInterval(estimate - z * standardError, estimate + z * standardError, level)
            : ConfidenceInterval.Undefined(level);
    }

    /// <summary>
    /// Gwet's interval c ± t_{1−α/2, n−1}·SE with the upper bound capped at 1 (irrCAC); NaN for fewer than two units.
    /// </summary>
    public static ConfidenceInterval StudentT(double estimate, double standardError, long units, double level)
    {
        if (units < 2 || !Defined(estimate, standardError))
        {
            return ConfidenceInterval.Undefined(level);
        }

        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, units - 1, 1 - (1 - level) / 2);
        return new ConfidenceInterval(estimate - t * standardError, Math.Min(1, estimate + t * standardError), level);
    }

    /// <summary>Two-sided p-value of a standard normal statistic.</summary>
    public static double TwoSidedP(double z) => 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -Math.Abs(z));

    public static void ThrowIfInvalidLevel(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "confidence level must lie in (0, 1)");
        }
    }

    private static bool Defined(double estimate, double standardError) =>
        double.IsFinite(estimate) && double.IsFinite(standardError);
}
