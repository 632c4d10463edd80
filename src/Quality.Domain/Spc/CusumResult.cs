namespace Quality.Domain.Spc;

/// <summary>A tabular CUSUM: the upper and lower cumulative sums as two charts.</summary>
/// <param name="Upper">C+_t per point; centre 0, upper limit h·σ, lower limit NaN, σ NaN (run rules do not apply); signals <see cref="SpcRule.CusumUpper"/>.</param>
/// <param name="Lower">C−_t per point, plotted positive; same layout, signals <see cref="SpcRule.CusumLower"/>.</param>
public sealed record CusumResult(ControlChartResult Upper, ControlChartResult Lower)
{
    /// <summary>Both sides' signals, by point then side.</summary>
    public IReadOnlyList<ControlSignal> Signals =>
        [.. Upper.Signals.Concat(Lower.Signals).OrderBy(s => s.Points[0]).ThenBy(s => s.Rule)];
}
