namespace Quality.Domain.Spc.Series;

/// <summary>
/// The Phase I estimate of one phase (Montgomery's procedure): trial values from the whole baseline, revised values after
/// excluding the out-of-control points that have an assignable cause.
/// </summary>
/// <param name="Center">The revised centre (p̄, ū or x̄ of the baseline points still included), frozen for Phase II; NaN when all were excluded.</param>
/// <param name="TrialCenter">The centre of the whole baseline, against which the baseline points are charted.</param>
/// <param name="Sigma">The revised σ̂ = MR̄/1.128 of the I-MR, EWMA and CUSUM charts; null for attribute charts (σ varies per point).</param>
/// <param name="Excluded">1-based indices into the whole series of the baseline points excluded (out of control, with an assignable cause), ascending.</param>
/// <param name="Iterations">Passes run; the last one excluded nothing unless <paramref name="IsStable"/> is false.</param>
/// <param name="IsStable">False when the iteration limit was reached with points still excluded.</param>
public sealed record SeriesPhaseEstimate(
    double Center, double TrialCenter, double? Sigma, IReadOnlyList<int> Excluded, int Iterations, bool IsStable)
{
    /// <summary>
    /// 1-based indices into the whole series of baseline points beyond the revised limits with no assignable cause: kept in
    /// the baseline, as Montgomery keeps a point no cause is found for, and still to be investigated.
    /// </summary>
    public IReadOnlyList<int> Retained { get; init; } = [];
}
