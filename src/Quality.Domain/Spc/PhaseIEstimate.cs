namespace Quality.Domain.Spc;

/// <summary>A Phase I estimate: the baseline centre after iteratively excluding out-of-control baseline points.</summary>
/// <param name="Center">The final centre; NaN when every baseline point was excluded.</param>
/// <param name="Iterations">Each pass in order; the last one has no out-of-control points unless <paramref name="IsStable"/> is false.</param>
/// <param name="Excluded">1-based indices of all baseline points excluded, ascending.</param>
/// <param name="IsStable">False when the iteration limit was reached with points still signalling.</param>
/// <param name="Chart">All points (baseline and after) charted against the final centre.</param>
public sealed record PhaseIEstimate(
    double Center,
    IReadOnlyList<PhaseIIteration> Iterations,
    IReadOnlyList<int> Excluded,
    bool IsStable,
    ControlChartResult Chart);
