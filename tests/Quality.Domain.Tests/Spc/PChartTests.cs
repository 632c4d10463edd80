using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

public sealed class PChartTests
{
    private static readonly double[] Sizes = SpcData.Sizes(30, 50);

    [Fact]
    public void Compute_OrangeJuicePhaseI_MatchesQccCenterAndLimits()
    {
        // statistics-vectors.md §6.1 (R qcc): center 0.2313333, LCL 0.05242755, UCL 0.4102391; samples 15 and 23 above UCL.
        var chart = PChart.Compute(SpcData.OrangeJuiceCounts, Sizes);

        Assert.All(chart.Points, p =>
        {
            Assert.Equal(0.2313333, p.Center, 5e-8);
            Assert.Equal(0.05242755, p.Lower, 5e-9);
            Assert.Equal(0.4102391, p.Upper, 5e-8);
            // qcc "std.dev" √(p̄(1−p̄)) = 0.421685; the per-point σ is that over √n.
            Assert.Equal(0.421685 / Math.Sqrt(50), p.Sigma, 5e-7 / Math.Sqrt(50));
        });
        Assert.Equal([15, 23], SpcData.Signalled(chart));
        Assert.All(chart.Signals, s => Assert.Equal(SpcRule.BeyondLimits, s.Rule));
    }

    /// <summary>Montgomery's Example 7.1: causes were found for sample 15 (a new batch of cardboard stock) and 23 (an inexperienced operator), none for 21.</summary>
    private static readonly HashSet<int> MontgomeryCauses = [15, 23];

    [Fact]
    public void EstimatePhaseI_OrangeJuiceWithMontgomerysCauses_StopsAtHisRevisedLimitsKeepingSample21()
    {
        var estimate = PChart.EstimatePhaseI(SpcData.OrangeJuiceCounts, Sizes, baselineLength: 30, assignableCauses: MontgomeryCauses);

        // Pass 1 = the trial limits of §6.1; samples 15 and 23 are out of control and have causes: excluded.
        Assert.Equal(0.2313333, estimate.Iterations[0].Center, 5e-8);
        Assert.Equal([15, 23], estimate.Iterations[0].OutOfControl);
        Assert.Equal([15, 23], estimate.Iterations[0].Excluded);

        // Pass 2 = the revised limits of §6.1 (qcc): centre 0.215, LCL 0.04070284, UCL 0.3892972; sample 21 (p = 0.40) is
        // beyond, but no cause was found for it, so it stays and the procedure ends.
        Assert.Equal(2, estimate.Iterations.Count);
        Assert.Equal([21], estimate.Iterations[1].OutOfControl);
        Assert.Empty(estimate.Iterations[1].Excluded);
        Assert.Equal(0.215, estimate.Center, 1e-12); // 301/1400: 347 − 22 − 24 of 28 × 50
        Assert.Equal(0.4108223, Math.Sqrt(estimate.Center * (1 - estimate.Center)), 5e-8);
        Assert.All(estimate.Chart.Points, p =>
        {
            Assert.Equal(0.04070284, p.Lower, 5e-9);
            Assert.Equal(0.3892972, p.Upper, 5e-8);
        });
        Assert.True(estimate.IsStable);
        Assert.Equal([15, 23], estimate.Excluded);
        Assert.Equal([21], estimate.Retained);
        Assert.Equal(30, estimate.Chart.Points.Count);
    }

    [Fact]
    public void EstimatePhaseI_NoCauses_ExcludesNothingAndRetainsTheSignals()
    {
        var estimate = PChart.EstimatePhaseI(SpcData.OrangeJuiceCounts, Sizes, baselineLength: 30);

        Assert.Equal(347.0 / 1500, estimate.Center, 1e-12); // the trial centre 0.2313333
        Assert.Single(estimate.Iterations);
        Assert.Empty(estimate.Excluded);
        Assert.Equal([15, 23], estimate.Retained);
        Assert.True(estimate.IsStable);
    }

    [Fact]
    public void EstimatePhaseI_EveryPointHasACause_IsTheAutomaticTrimming()
    {
        // Excluding whatever falls outside until nothing does: 15 and 23, then 21, then stable (hand computation:
        // p̄ = 281/1350, UCL ≈ 0.3804, highest remaining p = 0.36).
        var estimate = PChart.EstimatePhaseI(SpcData.OrangeJuiceCounts, Sizes, baselineLength: 30, assignableCauses: Enumerable.Range(1, 30).ToHashSet());

        Assert.Equal(3, estimate.Iterations.Count);
        Assert.Equal(281.0 / 1350, estimate.Center, 1e-12);
        Assert.Equal([15, 21, 23], estimate.Excluded);
        Assert.Empty(estimate.Retained);
    }

    [Fact]
    public void EstimatePhaseI_BaselineShorterThanData_ChartsLaterPointsAgainstBaselineCenter()
    {
        // §6.1 Phase II samples charted against the Phase I baseline: later points are charted, never excluded.
        double[] counts = [.. SpcData.OrangeJuiceCounts, .. SpcData.OrangeJuicePhaseIICounts];
        var estimate = PChart.EstimatePhaseI(counts, SpcData.Sizes(54, 50), baselineLength: 30, assignableCauses: MontgomeryCauses);

        Assert.Equal(0.215, estimate.Center, 1e-12);
        Assert.Equal(54, estimate.Chart.Points.Count);
        Assert.All(estimate.Excluded, i => Assert.True(i <= 30));
    }

    [Fact]
    public void Compute_VariableSizes_LimitsVaryAndClipToUnitInterval()
    {
        // Hand computation: p̄ = 3/12 = 0.25; n = 2 → 0.25 ± 3·√(0.1875/2) = 0.25 ± 0.9186 → [0, 1]; n = 10 → 0.25 ± 0.4108.
        var chart = PChart.Compute([1, 2], [2, 10]);

        Assert.Equal(0, chart.Points[0].Lower);
        Assert.Equal(1, chart.Points[0].Upper);
        Assert.Equal(0.25 + (3 * Math.Sqrt(0.1875 / 10)), chart.Points[1].Upper, 1e-12);
        Assert.Equal(0.0, chart.Points[1].Lower);
    }

    [Fact]
    public void Compute_Empty_IsEmptyChart() => Assert.Empty(PChart.Compute([], []).Points);

    [Fact]
    public void Compute_CountAboveSize_Throws() =>
        Assert.Throws<ArgumentException>(() => PChart.Compute([3], [2]));
}
