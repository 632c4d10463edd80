namespace Quality.Domain.Spc;

/// <summary>The exponentially weighted moving average chart with exact time-varying limits.</summary>
/// <remarks>
/// EWMA_t = λx_t + (1 − λ)EWMA_{t−1}, EWMA_0 = μ₀; limits μ₀ ± L·σ·√(λ/(2 − λ)·(1 − (1 − λ)^{2t})), which tend to
/// the steady-state μ₀ ± L·σ·√(λ/(2 − λ)) (NIST/SEMATECH e-Handbook §6.3.2.4; Montgomery §9.2). Points are EWMA_1..EWMA_n;
/// each point's σ is the σ of the EWMA statistic. Empty input gives an empty chart; σ undefined (one point, no σ given)
/// gives NaN limits and no signals.
/// </remarks>
public static class EwmaChart
{
    public static ControlChartResult Compute(IReadOnlyList<double> observations, EwmaOptions options)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.Lambda > 0 && options.Lambda <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Lambda must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.L);
        var baseline = options.BaselineLength ?? observations.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(baseline);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baseline, observations.Count);

        var target = options.Target ?? MovingRange.MeanOf(observations, baseline);
        var sigma = options.Sigma ?? MovingRange.Sigma(observations, baseline);
        var lambda = options.Lambda;
        var asymptotic = lambda / (2 - lambda);
        var points = new ChartPoint[observations.Count];
        var z = target;
        for (var t = 1; t <= points.Length; t++)
        {
            z = (lambda * observations[t - 1]) + ((1 - lambda) * z);
            var sigmaZ = sigma * Math.Sqrt(asymptotic * (1 - Math.Pow(1 - lambda, 2 * t)));
            points[t - 1] = new ChartPoint(z, target, target - (options.L * sigmaZ), target + (options.L * sigmaZ), sigmaZ);
        }

        return ControlChartResult.FromPoints(points);
    }
}
