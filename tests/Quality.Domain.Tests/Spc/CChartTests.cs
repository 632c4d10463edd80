using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

public sealed class CChartTests
{
    [Fact]
    public void Compute_NistWaferDefects_CenterSixteenLimitsFourAndTwentyEight()
    {
        // statistics-vectors.md §6.2: NIST e-Handbook §6.3.3.1 → c̄ = 16, UCL = 28, LCL = 4.
        var chart = CChart.Compute(SpcData.WaferDefects);

        Assert.All(chart.Points, p =>
        {
            Assert.Equal(16, p.Center, 1e-12);
            Assert.Equal(28, p.Upper, 1e-12);
            Assert.Equal(4, p.Lower, 1e-12);
        });
        // Wafer 24 has 31 defects, beyond 28 (not stated in the reference; follows from its limits).
        Assert.Equal([24], SpcData.Signalled(chart));
    }

    [Fact]
    public void Compute_QccCircuit_MatchesPublishedLimitsAndSignalsSixAndTwenty()
    {
        // §6.2: qcc circuit Phase I → center 19.84615, UCL 33.21086, LCL 6.481447; samples 6 and 20 outside (V).
        var chart = CChart.Compute(SpcData.CircuitDefects);

        Assert.Equal(19.84615, chart.Points[0].Center, 5e-6);
        Assert.Equal(33.21086, chart.Points[0].Upper, 5e-6);
        Assert.Equal(6.481447, chart.Points[0].Lower, 5e-7);
        Assert.Equal([6, 20], SpcData.Signalled(chart));
    }
}
