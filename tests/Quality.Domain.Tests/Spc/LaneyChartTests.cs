using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

public sealed class LaneyChartTests
{
    [Fact]
    public void LaneyPChart_OrangeJuice_MatchesRecomputedSigmaZAndLimits()
    {
        // statistics-vectors.md §6.8, RECOMPUTED ONLY (no published Laney example): orange-juice Phase I, n = 50 →
        // MR̄ = 1.873458, σ_Z = 1.660867, UCL = 0.528472, LCL = 0.
        var chart = LaneyPChart.Compute(SpcData.OrangeJuiceCounts, SpcData.Sizes(30, 50));

        Assert.NotNull(chart.SigmaZ);
        Assert.Equal(1.660867, chart.SigmaZ.Value, 5e-7);
        Assert.Equal(1.873458 / 1.128, chart.SigmaZ.Value, 5e-7);
        Assert.All(chart.Points, p =>
        {
            Assert.Equal(0.528472, p.Upper, 5e-7);
            Assert.Equal(0, p.Lower);
        });
        Assert.Empty(chart.Signals);
        Assert.Equal(Dispersion.Overdispersed, chart.Dispersion);
        Assert.StartsWith("σZ = 1.661: ", chart.Note, StringComparison.Ordinal);
        Assert.Contains("overdispersion", chart.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void LaneyPChart_WidensOrdinaryLimitsBySigmaZ()
    {
        var laney = LaneyPChart.Compute(SpcData.OrangeJuiceCounts, SpcData.Sizes(30, 50));
        var ordinary = PChart.Compute(SpcData.OrangeJuiceCounts, SpcData.Sizes(30, 50));

        Assert.Equal(
            (ordinary.Points[0].Upper - ordinary.Points[0].Center) * laney.SigmaZ!.Value,
            laney.Points[0].Upper - laney.Points[0].Center,
            1e-12);
        Assert.Null(ordinary.SigmaZ);
        Assert.Null(ordinary.Dispersion);
    }

    [Fact]
    public void LaneyUChart_TwoPoints_HandComputedSigmaZ()
    {
        // Hand computation: c = 0, 10, n = 1 → ū = 5, z = ∓√5, MR̄ = 2√5, σ_Z = 2√5/1.128 ≈ 3.965.
        var chart = LaneyUChart.Compute([0, 10], [1, 1]);
        var sigmaZ = 2 * Math.Sqrt(5) / 1.128;

        Assert.Equal(sigmaZ, chart.SigmaZ!.Value, 1e-12);
        Assert.Equal(5 + (3 * Math.Sqrt(5) * sigmaZ), chart.Points[0].Upper, 1e-12);
        Assert.Equal(0, chart.Points[0].Lower);
        Assert.Equal(Dispersion.Overdispersed, chart.Dispersion);
    }

    [Fact]
    public void LaneyPChart_IdenticalProportions_IsUnderdispersedWithLimitsOnCentre()
    {
        // z = 0 everywhere → σ_Z = 0: no between-point variation at all.
        var chart = LaneyPChart.Compute([5, 10], [50, 100]);

        Assert.Equal(0, chart.SigmaZ);
        Assert.Equal(Dispersion.Underdispersed, chart.Dispersion);
        Assert.Equal(0.1, chart.Points[1].Upper, 1e-12);
        Assert.Empty(chart.Signals);
    }

    [Fact]
    public void LaneyPChart_SinglePoint_SigmaZIsNaNAndDispersionNull()
    {
        var chart = LaneyPChart.Compute([5], [50]);

        Assert.True(double.IsNaN(chart.SigmaZ!.Value));
        Assert.Null(chart.Dispersion);
        Assert.Null(chart.Note);
        Assert.True(double.IsNaN(chart.Points[0].Upper));
    }

    [Fact]
    public void LaneyPChart_WithinTolerance_IsConsistentWithoutNote()
    {
        // Hand computation: p = 0.1, 0.3, 0.1, n = 100 → p̄ = 1/6, σ = √(5/36/100) ≈ 0.03727; z ≈ −1.789, 3.578, −1.789:
        // σ_Z ≈ 5.37/1.128 ≈ 4.76 — overdispersed; widen the tolerance to accept it.
        var chart = LaneyPChart.Compute([10, 30, 10], [100, 100, 100], new LaneyOptions { DispersionTolerance = 10 });

        Assert.Equal(Dispersion.Consistent, chart.Dispersion);
        Assert.Null(chart.Note);
    }
}
