namespace Quality.Domain.Spc.Series;

/// <summary>An I-MR, EWMA or CUSUM chart of one phase: x̄ and σ̂ = MR̄/1.128 from the baseline with iterative exclusion.</summary>
/// <remarks>
/// Each pass takes x̄ and MR̄ of the baseline values still included, in delivery order (an excluded value is dropped, so
/// the moving range spans it), and excludes every included value strictly beyond x̄ ± 3σ̂ — the individuals limits, for
/// all three charts — that has an assignable cause (Montgomery's procedure, <see cref="BaselineIteration"/>). A known <see cref="SeriesChartOptions.Target"/> or <see cref="SeriesChartOptions.Sigma"/> replaces the
/// estimate. The individuals chart plots baseline points against the trial x̄ ± 3σ̂ and later ones against the revised;
/// EWMA and CUSUM accumulate from the phase's first point, so one parameter set, the revised one, serves the whole phase.
/// CUSUM without a positive σ (or with every baseline point excluded) has NaN sums and no signals.
/// </remarks>
internal static class ContinuousPhase
{
    public static PhaseChart Chart(double[] values, int baselineLength, SeriesChartOptions options, Func<int, bool> hasCause)
    {
        var fit = BaselineIteration.Run(
            baselineLength,
            options.MaxIterations,
            included => LocationScale.Of(BaselineIteration.Included(values, included)),
            (f, i) => f.IsBeyond(values[i]),
            f => !double.IsNaN(f.Mean),
            hasCause);
        var estimate = new SeriesPhaseEstimate(fit.Revised.Mean, fit.Trial.Mean, fit.Revised.Sigma, fit.Excluded, fit.Iterations, fit.IsStable)
        {
            Retained = fit.Retained,
        };
        var trial = Known(fit.Trial, options);
        var revised = Known(fit.Revised, options);
        return options.Chart switch
        {
            ChartKind.Ewma => Ewma(values, revised, options, estimate),
            ChartKind.Cusum => Cusum(values, revised, options, estimate),
            _ => Individuals(values, trial, revised, baselineLength, estimate),
        };
    }

    private static LocationScale Known(LocationScale estimate, SeriesChartOptions options) => new(
        options.Target ?? options.Ewma?.Target ?? estimate.Mean,
        options.Sigma ?? options.Ewma?.Sigma ?? estimate.Sigma);

    private static PhaseChart Individuals(double[] values, LocationScale trial, LocationScale revised, int baselineLength, SeriesPhaseEstimate estimate)
    {
        var points = new ChartPoint[values.Length];
        for (var i = 0; i < points.Length; i++)
        {
            var (mean, sigma) = i < baselineLength ? trial : revised;
            var width = AttributeChart.SigmaMultiple * sigma;
            points[i] = new ChartPoint(values[i], mean, mean - width, mean + width, sigma);
        }

        var chart = ControlChartResult.FromPoints(points);
        return new PhaseChart(chart.Points, chart.Signals, estimate, RulesApply: true);
    }

    private static PhaseChart Ewma(double[] values, LocationScale parameters, SeriesChartOptions options, SeriesPhaseEstimate estimate)
    {
        var ewma = options.Ewma ?? new EwmaOptions();
        var chart = EwmaChart.Compute(
            values, new EwmaOptions { Lambda = ewma.Lambda, L = ewma.L, Target = parameters.Mean, Sigma = parameters.Sigma });
        return new PhaseChart(chart.Points, chart.Signals, estimate, RulesApply: false);
    }

    private static PhaseChart Cusum(double[] values, LocationScale parameters, SeriesChartOptions options, SeriesPhaseEstimate estimate)
    {
        var cusum = options.Cusum ?? new SeriesCusumOptions();
        var points = new ChartPoint[values.Length];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new ChartPoint(values[i], parameters.Mean, double.NaN, double.NaN, double.NaN);
        }

        if (!(parameters.Sigma > 0) || double.IsNaN(parameters.Mean))
        {
            return new PhaseChart(points, [], estimate, RulesApply: false) { DecisionInterval = double.NaN };
        }

        var sums = CusumChart.Compute(
            values, new CusumOptions { Target = parameters.Mean, Sigma = parameters.Sigma, K = cusum.K, H = cusum.H });
        return new PhaseChart(points, sums.Signals, estimate, RulesApply: false)
        {
            Cusum = sums,
            DecisionInterval = cusum.H * parameters.Sigma,
        };
    }
}
