namespace Quality.Domain.Spc.Series;

/// <summary>A Laney p′ or u′ chart of one phase: centre and σ_Z from the baseline, with iterative exclusion.</summary>
/// <remarks>
/// Each pass is <see cref="LaneyPChart"/>/<see cref="LaneyUChart"/> on the baseline points still included, in delivery
/// order (an excluded point is dropped, so the moving range spans it, as when a practitioner deletes it and recomputes).
/// Baseline points are charted against the trial fit, later points against the revised one.
/// </remarks>
internal static class LaneyPhase
{
    public static PhaseChart Chart(
        double[] counts, double[] sizes, int baselineLength, AttributeModel model, SeriesChartOptions options, Func<int, bool> hasCause)
    {
        var name = model == AttributeModel.Binomial ? "p" : "u";
        var fit = BaselineIteration.Run(
            baselineLength,
            options.MaxIterations,
            included => Fit(counts, sizes, included, model, options.Laney, name),
            (chart, i) => chart.Points[i].IsBeyondLimits,
            chart => !double.IsNaN(chart.Points[0].Center),
            hasCause);
        var chart = ControlChartResult.FromPoints(PhaseChart.Splice(fit.Trial.Points, fit.Revised.Points, baselineLength));
        var estimate = new SeriesPhaseEstimate(
            fit.Revised.Points[0].Center, fit.Trial.Points[0].Center, null, fit.Excluded, fit.Iterations, fit.IsStable) { Retained = fit.Retained };
        return new PhaseChart(chart.Points, chart.Signals, estimate, RulesApply: true) { Laney = fit.Revised };
    }

    private static ControlChartResult Fit(
        double[] counts, double[] sizes, bool[] included, AttributeModel model, LaneyOptions? options, string name)
    {
        var baseline = LaneyChart.Compute(
            BaselineIteration.Included(counts, included), BaselineIteration.Included(sizes, included), options, model, name);
        var center = baseline.Points.Count > 0 ? baseline.Points[0].Center : double.NaN;
        var sigmaZ = baseline.SigmaZ ?? double.NaN;
        return AttributeChart.Build(counts, sizes, center, model, sigmaZ) with
        {
            SigmaZ = sigmaZ,
            Dispersion = baseline.Dispersion,
            Note = baseline.Note,
        };
    }
}
