namespace Quality.Domain.Spc;

/// <summary>Shared arithmetic of the p, u, c and Laney charts: rates, centre, per-point σ and clipped 3σ limits.</summary>
internal static class AttributeChart
{
    public const double SigmaMultiple = 3.0;

    public static void Validate(IReadOnlyList<double> counts, IReadOnlyList<double> sizes, AttributeModel model)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(sizes);
        if (counts.Count != sizes.Count)
        {
            throw new ArgumentException("Counts and sizes must have the same length.", nameof(sizes));
        }

        for (var i = 0; i < counts.Count; i++)
        {
            if (!(sizes[i] > 0) || double.IsInfinity(sizes[i]))
            {
                throw new ArgumentException($"Size {i + 1} must be positive and finite.", nameof(sizes));
            }

            if (!(counts[i] >= 0) || double.IsInfinity(counts[i]) || (model == AttributeModel.Binomial && counts[i] > sizes[i]))
            {
                throw new ArgumentException($"Count {i + 1} must be in [0, size] for p charts, ≥ 0 otherwise.", nameof(counts));
            }
        }
    }

    /// <summary>Σcount/Σsize over the included points; NaN when none is included.</summary>
    public static double Center(IReadOnlyList<double> counts, IReadOnlyList<double> sizes, Func<int, bool> included)
    {
        double c = 0, n = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (included(i))
            {
                c += counts[i];
                n += sizes[i];
            }
        }

        return n > 0 ? c / n : double.NaN;
    }

    /// <summary>σ of the rate at one point under the model, before any Laney factor.</summary>
    public static double Sigma(AttributeModel model, double center, double size) => model switch
    {
        AttributeModel.Binomial => Math.Sqrt(center * (1 - center) / size),
        _ => Math.Sqrt(center / size),
    };

    public static ControlChartResult Build(
        IReadOnlyList<double> counts, IReadOnlyList<double> sizes, double center, AttributeModel model, double sigmaFactor = 1.0)
    {
        var points = new ChartPoint[counts.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var sigma = Sigma(model, center, sizes[i]) * sigmaFactor;
            var lower = Math.Max(0, center - (SigmaMultiple * sigma));
            var upper = center + (SigmaMultiple * sigma);
            if (model == AttributeModel.Binomial)
            {
                upper = Math.Min(1, upper);
            }

            points[i] = new ChartPoint(counts[i] / sizes[i], center, lower, upper, sigma);
        }

        return ControlChartResult.FromPoints(points);
    }
}
