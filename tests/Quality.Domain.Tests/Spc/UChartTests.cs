using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

public sealed class UChartTests
{
    [Fact]
    public void Compute_PcManufact_MatchesRecomputedLimits()
    {
        // statistics-vectors.md §6.3, RECOMPUTED ONLY (no published numbers): qcc pcmanufact, n = 5 →
        // ū = 1.93, UCL = 3.793867, LCL = 0.066133.
        double[] counts = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];

        var chart = UChart.Compute(counts, SpcData.Sizes(20, 5));

        Assert.All(chart.Points, p =>
        {
            Assert.Equal(1.93, p.Center, 1e-12);
            Assert.Equal(3.793867, p.Upper, 5e-7);
            Assert.Equal(0.066133, p.Lower, 5e-7);
        });
        Assert.Empty(chart.Signals);
    }

    [Theory]
    [InlineData(1, 0.2915, 2.5550)] // n = 10
    [InlineData(2, 0.1579, 2.6886)] // n = 8
    [InlineData(3, 0.4306, 2.4159)] // n = 13
    [InlineData(5, 0.2621, 2.5844)] // n = 9.5
    [InlineData(7, 0.3901, 2.4564)] // n = 12
    [InlineData(8, 0.3187, 2.5278)] // n = 10.5
    [InlineData(10, 0.4110, 2.4356)] // n = 12.5
    public void Compute_DyedCloth_VariableLimitsMatchRecomputedValues(int point, double lower, double upper)
    {
        // §6.3, RECOMPUTED ONLY: qcc dyedcloth, ū = 153/107.5 = 1.423256, per-size limits to 4 dp.
        var chart = UChart.Compute(SpcData.DyedClothCounts, SpcData.DyedClothSizes);

        Assert.Equal(153 / 107.5, chart.Points[point - 1].Center, 1e-12);
        Assert.Equal(lower, chart.Points[point - 1].Lower, 5e-5);
        Assert.Equal(upper, chart.Points[point - 1].Upper, 5e-5);
    }

    [Fact]
    public void Compute_NegativeCount_Throws() => Assert.Throws<ArgumentException>(() => UChart.Compute([-1], [1]));
}
