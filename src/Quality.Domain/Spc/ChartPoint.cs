namespace Quality.Domain.Spc;

/// <summary>One plotted point of a control chart: the statistic, its centre line, its limits and its σ.</summary>
/// <param name="Value">The plotted statistic (p_i, u_i, x_i, EWMA z_t, C±_t); NaN where it is not defined (the first moving range).</param>
/// <param name="Center">The centre line at this point.</param>
/// <param name="Lower">The lower control limit; NaN where the chart has none (CUSUM).</param>
/// <param name="Upper">The upper control limit; NaN where it is not defined.</param>
/// <param name="Sigma">The σ of the plotted statistic at this point, used to standardise for the run rules; NaN where the rules do not apply (CUSUM).</param>
public readonly record struct ChartPoint(double Value, double Center, double Lower, double Upper, double Sigma)
{
    /// <summary>(Value − Center)/Sigma; NaN when either is NaN or Sigma is 0 and the point is on the centre line.</summary>
    public double Z => (Value - Center) / Sigma;

    /// <summary>True when the point is strictly beyond a defined limit.</summary>
    public bool IsBeyondLimits => Value > Upper || Value < Lower;
}
