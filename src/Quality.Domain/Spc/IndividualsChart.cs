namespace Quality.Domain.Spc;

/// <summary>The individuals and moving-range (I-MR) chart.</summary>
/// <remarks>
/// Centre x̄ and σ̂ = MR̄/d₂, d₂ = 1.128, from the first <c>baselineLength</c> points (all by default); individuals
/// limits x̄ ± 3σ̂; moving-range limits [0, D₄·MR̄], D₄ = 3.267, with σ of MR = d₃σ̂, d₃ = 0.853 (NIST e-Handbook §6.3.2.2;
/// Montgomery §6.4). Fewer than two baseline points leave σ̂ NaN: limits NaN and no signals.
/// </remarks>
public static class IndividualsChart
{
    private const double D3 = 0.853;
    private const double D4 = 3.267;

    public static IndividualsResult Compute(IReadOnlyList<double> observations, int? baselineLength = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var baseline = baselineLength ?? observations.Count;
        ArgumentOutOfRangeException.ThrowIfNegative(baseline);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baseline, observations.Count);

        var mean = Spc.MovingRange.MeanOf(observations, baseline);
        var mrBar = Spc.MovingRange.Mean(observations, baseline);
        var sigma = mrBar / Spc.MovingRange.D2;
        var individuals = new ChartPoint[observations.Count];
        var ranges = new ChartPoint[observations.Count];
        for (var i = 0; i < observations.Count; i++)
        {
            individuals[i] = new ChartPoint(observations[i], mean, mean - (3 * sigma), mean + (3 * sigma), sigma);
            var range = i == 0 ? double.NaN : Math.Abs(observations[i] - observations[i - 1]);
            ranges[i] = new ChartPoint(range, mrBar, double.IsNaN(mrBar) ? double.NaN : 0, D4 * mrBar, D3 * sigma);
        }

        return new IndividualsResult(ControlChartResult.FromPoints(individuals), ControlChartResult.FromPoints(ranges));
    }
}
