using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

public sealed class IndividualsChartTests
{
    [Fact]
    public void Compute_HandExample_SigmaIsMeanMovingRangeOverD2()
    {
        // Hand computation: x = 1, 3, 2, 6 → x̄ = 3, MR = 2, 1, 4, MR̄ = 7/3, σ̂ = (7/3)/1.128.
        var result = IndividualsChart.Compute([1, 3, 2, 6]);
        var sigma = 7.0 / 3 / 1.128;

        Assert.Equal(3, result.Individuals.Points[0].Center, 1e-12);
        Assert.Equal(3 + (3 * sigma), result.Individuals.Points[0].Upper, 1e-12);
        Assert.Equal(3 - (3 * sigma), result.Individuals.Points[0].Lower, 1e-12);
        Assert.True(double.IsNaN(result.MovingRange.Points[0].Value));
        Assert.Equal([2.0, 1.0, 4.0], result.MovingRange.Points.Skip(1).Select(p => p.Value));
        Assert.Equal(3.267 * 7 / 3, result.MovingRange.Points[1].Upper, 1e-12);
        Assert.Equal(0, result.MovingRange.Points[1].Lower);
        Assert.Empty(result.Individuals.Signals);
    }

    [Fact]
    public void Compute_BaselineThenShift_SignalsOnBothCharts()
    {
        // Hand computation: baseline 1, 3, 2 → x̄ = 2, MR̄ = 1.5, UCL_I = 2 + 3·1.5/1.128 ≈ 5.99, UCL_MR = 4.90; x₄ = 20.
        var result = IndividualsChart.Compute([1, 3, 2, 20], baselineLength: 3);

        Assert.Equal([4], SpcData.Signalled(result.Individuals));
        Assert.Equal([4], SpcData.Signalled(result.MovingRange));
    }

    [Fact]
    public void Compute_SinglePoint_HasNaNLimitsAndNoSignal()
    {
        var result = IndividualsChart.Compute([5]);

        Assert.True(double.IsNaN(result.Individuals.Points[0].Upper));
        Assert.Empty(result.Individuals.Signals);
    }
}
