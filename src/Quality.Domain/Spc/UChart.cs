namespace Quality.Domain.Spc;

/// <summary>The u chart (defects per inspection unit) with limits that vary with each subgroup size.</summary>
/// <remarks>
/// u_i = c_i/n_i; centre ū = Σc/Σn; limits ū ± 3√(ū/n_i), LCL floored at 0 (Montgomery §7.3.1; NIST e-Handbook
/// §6.3.3.1). Sizes may be fractional (inspection units). Empty input gives an empty chart; mismatched lengths,
/// sizes ≤ 0 or negative counts are caller bugs (<see cref="ArgumentException"/>).
/// </remarks>
public static class UChart
{
    /// <summary>Charts all points against ū estimated from all of them.</summary>
    public static ControlChartResult Compute(IReadOnlyList<double> counts, IReadOnlyList<double> sizes)
    {
        AttributeChart.Validate(counts, sizes, AttributeModel.Poisson);
        return AttributeChart.Build(counts, sizes, AttributeChart.Center(counts, sizes, _ => true), AttributeModel.Poisson);
    }

    /// <summary>Charts all points against a known or standard centre ū (Phase II).</summary>
    public static ControlChartResult Compute(IReadOnlyList<double> counts, IReadOnlyList<double> sizes, double center)
    {
        AttributeChart.Validate(counts, sizes, AttributeModel.Poisson);
        ArgumentOutOfRangeException.ThrowIfNegative(center);
        return AttributeChart.Build(counts, sizes, center, AttributeModel.Poisson);
    }

    /// <summary>
    /// Phase I (Montgomery's procedure, see <see cref="PhaseI"/>): ū from the first <paramref name="baselineLength"/> points,
    /// excluding out-of-control points that have an assignable cause and recomputing until none remains.
    /// </summary>
    /// <param name="assignableCauses">1-based indices of the points an assignable cause was found for; null or empty: none, so nothing is excluded.</param>
    public static PhaseIEstimate EstimatePhaseI(
        IReadOnlyList<double> counts, IReadOnlyList<double> sizes, int baselineLength, int maxIterations = 20, IReadOnlySet<int>? assignableCauses = null) =>
        PhaseI.Estimate(counts, sizes, baselineLength, maxIterations, AttributeModel.Poisson, assignableCauses);
}
