using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

public sealed class CusumChartTests
{
    // §6.5: NIST §6.3.2.3 parameters, μ₀ = 325, σ = 0.635, k = 0.3175 = 0.5σ, h = 4.1959.
    private static readonly CusumOptions Nist = new() { Target = 325, Sigma = 0.635, K = 0.5, H = 4.1959 / 0.635 };

    [Fact]
    public void Compute_NistExample_ReproducesTabularSums()
    {
        // statistics-vectors.md §6.5 table, RECOMPUTED ONLY (NIST's table was not readable): S_hi and S_lo to 2 dp.
        double[] upper = [0, 0, 0, 0, 0.03, 0, 0, 0, 0, 0, 0, 0, 3.01, 4.94, 7.46, 10.64, 12.00, 14.46, 16.03, 19.06];
        double[] lower = [0, 0.00, 0, 0.33, 0, 0, 0.55, 0.71, 0.16, 0.24, 0.29, 0, 0, 0, 0, 0, 0, 0, 0, 0];

        var result = CusumChart.Compute(SpcData.NistCusum, Nist);

        Assert.Equal(upper, result.Upper.Points.Select(p => p.Value), new ToleranceComparer(0.005 + 1e-9));
        Assert.Equal(lower, result.Lower.Points.Select(p => p.Value), new ToleranceComparer(0.005 + 1e-9));
        Assert.All(result.Upper.Points, p => Assert.Equal(4.1959, p.Upper, 1e-12));
    }

    [Fact]
    public void Compute_NistExample_FirstSignalAtFourteenOnUpperSideOnly()
    {
        // §6.5: first signal t = 14 (S_hi = 4.94 > h); no reset, so 14..20 all signal; S_lo never exceeds h.
        var result = CusumChart.Compute(SpcData.NistCusum, Nist);

        Assert.Equal(Enumerable.Range(14, 7), SpcData.Signalled(result.Upper));
        Assert.Empty(result.Lower.Signals);
        Assert.Equal(14, result.Signals[0].Points[0]);
        Assert.All(result.Signals, s => Assert.Equal(SpcRule.CusumUpper, s.Rule));
    }

    [Fact]
    public void Compute_DownwardShift_SignalsLowerSide()
    {
        // Hand computation: μ₀ = 0, σ = 1, k = 0.5, h = 1: C− = 1.5, 3.0, both above h → lower-side signals at 1 and 2.
        var result = CusumChart.Compute([-2, -2], new CusumOptions { Target = 0, Sigma = 1, H = 1 });

        Assert.Equal([1.5, 3.0], result.Lower.Points.Select(p => p.Value));
        Assert.Equal([1, 2], SpcData.Signalled(result.Lower));
        Assert.Empty(result.Upper.Signals);
    }
}
