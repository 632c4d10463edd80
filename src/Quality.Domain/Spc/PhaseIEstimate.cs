namespace Quality.Domain.Spc;

/// <summary>A Phase I estimate: the baseline centre after iteratively excluding out-of-control points with an assignable cause.</summary>
/// <param name="Center">The final centre; NaN when every baseline point was excluded.</param>
/// <param name="Iterations">Each pass in order; the last one excluded nothing unless <paramref name="IsStable"/> is false.</param>
/// <param name="Excluded">1-based indices of all baseline points excluded (out of control, with an assignable cause), ascending.</param>
/// <param name="IsStable">False when the iteration limit was reached with points still being excluded.</param>
/// <param name="Chart">All points (baseline and after) charted against the final centre.</param>
public sealed record PhaseIEstimate(
    double Center,
    IReadOnlyList<PhaseIIteration> Iterations,
    IReadOnlyList<int> Excluded,
    bool IsStable,
    ControlChartResult Chart)
{
    /// <summary>
    /// 1-based indices of baseline points beyond the final limits for which no assignable cause was given: kept in the
    /// baseline, as Montgomery keeps a point no cause is found for, and still to be investigated.
    /// </summary>
    public IReadOnlyList<int> Retained { get; init; } = [];
}
