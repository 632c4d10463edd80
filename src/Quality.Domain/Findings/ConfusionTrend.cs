using Quality.Domain.Spc;
using static Quality.Domain.Findings.FindingText;

namespace Quality.Domain.Findings;

/// <summary>Catches a rising error type (a class-pair confusion) across deliveries.</summary>
/// <remarks>
/// p₀ is the pooled baseline (the first <see cref="ConfusionTrendOptions.BaselineLength"/> deliveries, by default all but
/// the current one) as the Jeffreys-prior mean (E₀ + ½)/(N₀ + 1): a pair never confused in history still gets a
/// positive p₀ and finite z. Each delivery is standardised, z_i = (p_i − p₀)/√(p₀(1 − p₀)/n_i) — the binomial CUSUM on
/// standardised rates of Montgomery §9.1.6 with varying n_i — and <see cref="CusumChart"/> runs with target 0, σ 1 and
/// the options' k and h. A finding is raised only while the upper CUSUM is above h at the current delivery. The current
/// delivery is also compared with the baseline counts by a one-sided Fisher exact test (evidence, not a decision).
/// Empty input is a caller bug; a single delivery has no baseline (NaN figures, no signal).
/// </remarks>
public static class ConfusionTrend
{
    public static ConfusionTrendResult Analyze(ErrorType type, IReadOnlyList<DeliveryCount> deliveries, ConfusionTrendOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentOutOfRangeException.ThrowIfZero(deliveries.Count);
        options ??= new ConfusionTrendOptions();
        foreach (var d in deliveries)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d.Errors, nameof(deliveries));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(d.Errors, d.Opportunities, nameof(deliveries));
        }

        var current = deliveries[^1];
        var m = Math.Clamp(options.BaselineLength ?? deliveries.Count - 1, 0, deliveries.Count - 1);
        long e0 = deliveries.Take(m).Sum(d => d.Errors), n0 = deliveries.Take(m).Sum(d => d.Opportunities);
        var currentRate = PooledRate.Of(current.Errors, current.Opportunities);
        var baseline = PooledRate.Of(e0, n0);
        var p0 = n0 > 0 ? (e0 + 0.5) / (n0 + 1) : double.NaN;
        double[] z = [.. deliveries.Select(d => d.Opportunities > 0 && !double.IsNaN(p0) ? (((double)d.Errors / d.Opportunities) - p0) / Math.Sqrt(p0 * (1 - p0) / d.Opportunities) : 0)];
        double[] cusum = double.IsNaN(p0)
            ? [.. z.Select(_ => 0.0)]
            : [.. CusumChart.Compute(z, new CusumOptions { Target = 0, Sigma = 1, K = options.K, H = options.H }).Upper.Points.Select(p => p.Value)];
        var start = ExcursionStart(cusum, options.H);
        var p = n0 > 0 ? FisherExactTest.UpperTail(current.Errors, current.Opportunities, e0, n0) : double.NaN;
        var ratio = currentRate.Rate.Value / p0;
        var statement = Statement(type, currentRate, baseline, p0, p, cusum[^1], options.H, start is { } s ? deliveries[s].BatchId : null);
        return new ConfusionTrendResult(type, current.BatchId, currentRate, baseline, p0, ratio, p, z, cusum, start is not null, start is { } i ? deliveries[i].BatchId : null, statement)
        {
            DecisionInterval = options.H,
            FirstSignalIndex = start,
        };
    }

    private static int? ExcursionStart(double[] cusum, double h)
    {
        if (!(cusum[^1] > h))
        {
            return null;
        }

        var start = cusum.Length - 1;
        while (start > 0 && cusum[start - 1] > h)
        {
            start--;
        }

        return start;
    }

    private static string Statement(ErrorType type, PooledRate current, PooledRate baseline, double p0, double p, double cusum, double h, string? since)
    {
        var head = $"{type.Describe()}: {Rate(current, "no opportunities")} of {Count(current.Opportunities)} in this delivery vs "
            + (baseline.Opportunities == 0
                ? "no baseline (no earlier delivery had opportunities for it)"
                : $"{Rate(baseline, "no opportunities")} of {Count(baseline.Opportunities)} in the baseline (one-sided Fisher p={P(p)})");
        return since is null
            ? $"{head}; CUSUM C⁺={Number(cusum)} within h={Number(h)} → no sustained rise"
            : $"{head}; CUSUM C⁺={Number(cusum)} above h={Number(h)} since delivery {since} → systematic confusion rising (p₀={Percent(p0)})";
    }
}
