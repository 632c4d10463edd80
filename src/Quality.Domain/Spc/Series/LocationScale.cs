namespace Quality.Domain.Spc.Series;

/// <summary>x̄ and σ̂ = MR̄/1.128 of a baseline; NaN where undefined (no points; σ̂ with fewer than two).</summary>
internal readonly record struct LocationScale(double Mean, double Sigma)
{
    public static LocationScale Of(IReadOnlyList<double> values) =>
        new(MovingRange.MeanOf(values, values.Count), MovingRange.Sigma(values, values.Count));

    /// <summary>Strictly beyond x̄ ± 3σ̂, the individuals limits used to exclude baseline points.</summary>
    public bool IsBeyond(double x) => Math.Abs(x - Mean) > AttributeChart.SigmaMultiple * Sigma;
}
