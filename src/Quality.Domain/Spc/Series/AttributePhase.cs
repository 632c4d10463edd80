namespace Quality.Domain.Spc.Series;

/// <summary>A p or u chart of one phase: <see cref="PhaseI.Estimate"/> on the baseline (what PChart/UChart.EstimatePhaseI run).</summary>
/// <remarks>
/// The baseline points are charted against the trial limits (p̄ of the whole baseline: qcc's and Montgomery's Phase I
/// chart); later points against the revised p̄ after Montgomery's iterative exclusion of out-of-control points with an
/// assignable cause, frozen for the rest of the phase.
/// </remarks>
internal static class AttributePhase
{
    public static PhaseChart Chart(
        double[] counts, double[] sizes, int baselineLength, AttributeModel model, int maxIterations, IReadOnlySet<int> assignableCauses)
    {
        var estimate = PhaseI.Estimate(counts, sizes, baselineLength, maxIterations, model, assignableCauses);
        var trialCenter = estimate.Iterations.Count > 0 ? estimate.Iterations[0].Center : double.NaN;
        var trial = AttributeChart.Build(counts, sizes, trialCenter, model);
        var chart = ControlChartResult.FromPoints(PhaseChart.Splice(trial.Points, estimate.Chart.Points, baselineLength));
        return new PhaseChart(
            chart.Points,
            chart.Signals,
            new SeriesPhaseEstimate(estimate.Center, trialCenter, null, estimate.Excluded, estimate.Iterations.Count, estimate.IsStable)
            {
                Retained = estimate.Retained,
            },
            RulesApply: true);
    }
}
