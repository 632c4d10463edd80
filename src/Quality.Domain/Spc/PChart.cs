namespace Quality.Domain.Spc;

/// <summary>The p chart (fraction nonconforming) with limits that vary with each subgroup size.</summary>
/// <remarks>
/// p_i = D_i/n_i; centre p̄ = ΣD/Σn; limits p̄ ± 3√(p̄(1−p̄)/n_i) clipped to [0, 1]
/// (Montgomery, <i>Introduction to SQC</i>, §7.2; NIST/SEMATECH e-Handbook §6.3.3.2). p̄ = 0 or 1 gives σ = 0 and
/// limits on the centre line. Empty input gives an empty chart; mismatched lengths, sizes ≤ 0 or counts outside
/// [0, n] are caller bugs (<see cref="ArgumentException"/>).
/// </remarks>
public static class PChart
{
    /// <summary>Charts all points against p̄ estimated from all of them.</summary>
    public static ControlChartResult Compute(IReadOnlyList<double> counts, IReadOnlyList<double> sizes)
    {
        AttributeChart.Validate(counts, sizes, AttributeModel.Binomial);
        return AttributeChart.Build(counts, sizes, AttributeChart.Center(counts, sizes, _ => true), AttributeModel.Binomial);
    }

    /// <summary>Charts all points against a known or standard centre p̄ (Phase II).</summary>
    public static ControlChartResult Compute(IReadOnlyList<double> counts, IReadOnlyList<double> sizes, double center)
    {
        AttributeChart.Validate(counts, sizes, AttributeModel.Binomial);
        ArgumentOutOfRangeException.ThrowIfLessThan(center, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(center, 1.0);
        return AttributeChart.Build(counts, sizes, center, AttributeModel.Binomial);
    }

    /// <summary>
    /// Phase I (Montgomery's procedure, see <see cref="PhaseI"/>): p̄ from the first <paramref name="baselineLength"/> points,
    /// excluding out-of-control points that have an assignable cause and recomputing until none remains.
    /// </summary>
    /// <param name="assignableCauses">1-based indices of the points an assignable cause was found for; null or empty: none, so nothing is excluded.</param>
    public static PhaseIEstimate EstimatePhaseI(
        IReadOnlyList<double> counts, IReadOnlyList<double> sizes, int baselineLength, int maxIterations = 20, IReadOnlySet<int>? assignableCauses = null) =>
        PhaseI.Estimate(counts, sizes, baselineLength, maxIterations, AttributeModel.Binomial, assignableCauses);
}
