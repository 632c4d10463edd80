namespace Quality.Domain.Spc.Series;

/// <summary>One phase charted: its points against the trial (baseline) and revised (later) limits, with phase-local 1-based indices.</summary>
/// <param name="Points">One per point of the phase.</param>
/// <param name="Signals">The limit signals (beyond limits, or the CUSUM sums above h), phase-local.</param>
/// <param name="Estimate">The Phase I estimate; <see cref="SeriesPhaseEstimate.Excluded"/> is phase-local here.</param>
/// <param name="RulesApply">False for EWMA and CUSUM, whose autocorrelated statistics the run rules do not fit.</param>
internal sealed record PhaseChart(
    IReadOnlyList<ChartPoint> Points, IReadOnlyList<ControlSignal> Signals, SeriesPhaseEstimate Estimate, bool RulesApply)
{
    /// <summary>Laney's σ_Z, dispersion and note, carried by a chart result; null for other charts.</summary>
    public ControlChartResult? Laney { get; init; }

    /// <summary>The CUSUM sums; null for other charts or when μ₀ or σ is undefined.</summary>
    public CusumResult? Cusum { get; init; }

    /// <summary>h·σ of the CUSUM; null for other charts.</summary>
    public double? DecisionInterval { get; init; }

    /// <summary>The baseline points from the trial chart, the later ones from the revised chart.</summary>
    public static ChartPoint[] Splice(IReadOnlyList<ChartPoint> trial, IReadOnlyList<ChartPoint> revised, int baselineLength)
    {
        var points = new ChartPoint[revised.Count];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = i < baselineLength ? trial[i] : revised[i];
        }

        return points;
    }
}
