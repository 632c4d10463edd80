namespace Quality.Domain.Spc;

/// <summary>The c chart (defects per constant-size unit): a <see cref="UChart"/> with every size 1.</summary>
/// <remarks>Centre c̄ = mean count; limits c̄ ± 3√c̄, LCL floored at 0 (Montgomery §7.3.1; NIST e-Handbook §6.3.3.1).</remarks>
public static class CChart
{
    public static ControlChartResult Compute(IReadOnlyList<double> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return UChart.Compute(counts, Ones(counts.Count));
    }

    /// <summary>Phase I by Montgomery's procedure (<see cref="UChart.EstimatePhaseI"/>).</summary>
    public static PhaseIEstimate EstimatePhaseI(IReadOnlyList<double> counts, int baselineLength, int maxIterations = 20, IReadOnlySet<int>? assignableCauses = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return UChart.EstimatePhaseI(counts, Ones(counts.Count), baselineLength, maxIterations, assignableCauses);
    }

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
