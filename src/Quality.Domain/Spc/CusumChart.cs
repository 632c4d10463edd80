namespace Quality.Domain.Spc;

/// <summary>The tabular (algorithmic) CUSUM for individual observations.</summary>
/// <remarks>
/// C+_t = max(0, C+_{t−1} + x_t − μ₀ − kσ), C−_t = max(0, C−_{t−1} + μ₀ − kσ − x_t), C±_0 = 0; a side signals when
/// C > hσ (NIST/SEMATECH e-Handbook §6.3.2.3; Montgomery §9.1). No reset after a signal. Empty input gives empty charts.
/// </remarks>
public static class CusumChart
{
    public static CusumResult Compute(IReadOnlyList<double> observations, CusumOptions options)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Sigma);
        ArgumentOutOfRangeException.ThrowIfNegative(options.K);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.H);

        var k = options.K * options.Sigma;
        var h = options.H * options.Sigma;
        var upper = new ChartPoint[observations.Count];
        var lower = new ChartPoint[observations.Count];
        double cPlus = 0, cMinus = 0;
        for (var t = 0; t < observations.Count; t++)
        {
            cPlus = Math.Max(0, cPlus + observations[t] - options.Target - k);
            cMinus = Math.Max(0, cMinus + options.Target - k - observations[t]);
            upper[t] = new ChartPoint(cPlus, 0, double.NaN, h, double.NaN);
            lower[t] = new ChartPoint(cMinus, 0, double.NaN, h, double.NaN);
        }

        return new CusumResult(
            ControlChartResult.FromPoints(upper, SpcRule.CusumUpper),
            ControlChartResult.FromPoints(lower, SpcRule.CusumLower));
    }
}
