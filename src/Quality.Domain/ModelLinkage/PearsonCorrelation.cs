namespace Quality.Domain.ModelLinkage;

/// <summary>Pearson's product-moment correlation with Fisher's z interval.</summary>
/// <remarks>
/// r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), with the means taken first (two passes, so large offsets do not cancel).
/// The interval transforms r to z = atanh r, whose standard error is 1/√(n − 3) for bivariate normal data (Fisher 1921),
/// and back: tanh(z ± 1.959964/√(n − 3)). Degenerate input, per docs/statistics-conventions.md: fewer than
/// <see cref="MinimumPairs"/> pairs, or a variable that does not vary, gives no coefficient and says why; |r| = 1 gives
/// the coefficient and no interval (z is infinite).
/// </remarks>
public static class PearsonCorrelation
{
    /// <summary>Fisher's interval needs n − 3 ≥ 1.</summary>
    public const int MinimumPairs = 4;

    /// <summary>The 0.975 quantile of the standard normal distribution.</summary>
    internal const double Z975 = 1.959963984540054;

    public static CorrelationEstimate Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values and y {y.Count}; a correlation needs pairs.", nameof(y));
        }

        var n = x.Count;
        if (n < MinimumPairs)
        {
            return new(n, null, null, $"{n} versions; a correlation with Fisher's interval needs at least {MinimumPairs}");
        }

        var (meanX, meanY) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var (dx, dy) = (x[i] - meanX, y[i] - meanY);
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0 || syy == 0)
        {
            return new(n, null, null, sxx == 0 ? "the label error rate is the same in every version" : "the model metric is the same in every version");
        }

        var r = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        return new(n, r, FisherInterval(r, n), Math.Abs(r) == 1 ? "|r| = 1: Fisher's z is infinite, so there is no interval" : null);
    }

    /// <summary>tanh(atanh r ± z₀.₉₇₅/√(n − 3)); null at |r| = 1.</summary>
    internal static double[]? FisherInterval(double r, int n)
    {
        if (Math.Abs(r) >= 1)
        {
            return null;
        }

        var z = Math.Atanh(r);
        var half = Z975 / Math.Sqrt(n - 3);
        return [Math.Tanh(z - half), Math.Tanh(z + half)];
    }
}
