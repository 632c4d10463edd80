namespace Quality.Domain.Spc;

/// <summary>A control chart: per point the statistic, centre and limits, and the points beyond the limits.</summary>
/// <param name="Points">One entry per input point, in input order.</param>
/// <param name="Signals">One <see cref="SpcRule.BeyondLimits"/> (or CUSUM) signal per point beyond the limits; run rules are evaluated separately by <see cref="ControlRules"/>.</param>
public sealed record ControlChartResult(IReadOnlyList<ChartPoint> Points, IReadOnlyList<ControlSignal> Signals)
{
    /// <summary>Laney's σ_Z for p′ and u′ charts; null for every other chart; NaN when fewer than two points make it undefined.</summary>
    public double? SigmaZ { get; init; }

    /// <summary>The dispersion judged from <see cref="SigmaZ"/>; null when not a Laney chart or σ_Z is undefined.</summary>
    public Dispersion? Dispersion { get; init; }

    /// <summary>A one-line statement when σ_Z differs markedly from 1; null otherwise.</summary>
    public string? Note { get; init; }

    /// <summary>The standardised points z_i = (x_i − centre_i)/σ_i, the input of <see cref="ControlRules"/>.</summary>
    public IReadOnlyList<double> Standardised()
    {
        var z = new double[Points.Count];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = Points[i].Z;
        }

        return z;
    }

    internal static ControlChartResult FromPoints(IReadOnlyList<ChartPoint> points, SpcRule rule = SpcRule.BeyondLimits)
    {
        var signals = new List<ControlSignal>();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].IsBeyondLimits)
            {
                signals.Add(new ControlSignal(rule, [i + 1]));
            }
        }

        return new ControlChartResult(points, signals);
    }
}
