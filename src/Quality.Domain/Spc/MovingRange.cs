namespace Quality.Domain.Spc;

/// <summary>Moving ranges of length 2 and the σ estimate MR̄/d₂ used by the I-MR, EWMA and Laney charts.</summary>
/// <remarks>d₂(2) = 1.128 (Montgomery, Appendix VI; NIST e-Handbook §6.3.2.2), rounded as the literature prints it.</remarks>
internal static class MovingRange
{
    public const double D2 = 1.128;

    /// <summary>Mean of |x_i − x_{i−1}| over the first <paramref name="length"/> values; NaN with fewer than two.</summary>
    public static double Mean(IReadOnlyList<double> x, int length)
    {
        if (length < 2)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 1; i < length; i++)
        {
            sum += Math.Abs(x[i] - x[i - 1]);
        }

        return sum / (length - 1);
    }

    public static double Sigma(IReadOnlyList<double> x, int length) => Mean(x, length) / D2;

    public static double MeanOf(IReadOnlyList<double> x, int length)
    {
        if (length == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < length; i++)
        {
            sum += x[i];
        }

        return sum / length;
    }
}
