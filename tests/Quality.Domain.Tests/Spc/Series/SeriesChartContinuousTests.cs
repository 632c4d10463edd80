using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc.Series;

public sealed class SeriesChartContinuousTests
{
    [Fact]
    public void Compute_NistEwma_ReproducesPublishedStatisticAndLimits()
    {
        // statistics-vectors.md §6.4: λ = 0.3, L = 3, μ₀ = 50, s = 2.0539; EWMA_20 = 51.99, UCL 52.5884, nothing signals.
        var options = new SeriesChartOptions { Chart = ChartKind.Ewma, Target = 50, Sigma = 2.0539, Ewma = new EwmaOptions { Lambda = 0.3, L = 3 } };
        var result = SeriesChart.Compute(SeriesPoints.Values(SpcData.NistEwma), options);

        Assert.Equal(50.60, result.Points[0].Value, 0.005 + 1e-9);
        Assert.Equal(51.99, result.Points[^1].Value, 0.005 + 1e-9);
        Assert.Equal(52.5884, result.Points[^1].Upper, 5e-5);
        Assert.Equal(47.4115, result.Points[^1].Lower, 1e-4);
        Assert.Empty(result.Signals);
    }

    [Fact]
    public void Compute_EwmaWithoutTarget_EstimatesFromBaselineAsEwmaChart()
    {
        // No NIST value is beyond x̄ ± 3σ̂, so the revised estimate is the plain baseline estimate.
        var result = SeriesChart.Compute(
            SeriesPoints.Values(SpcData.NistEwma), new SeriesChartOptions { Chart = ChartKind.Ewma, Ewma = new EwmaOptions { Lambda = 0.3 } });
        var expected = EwmaChart.Compute(SpcData.NistEwma, new EwmaOptions { Lambda = 0.3 });

        Assert.Equal(expected.Points.Select(p => p.Upper), result.Points.Select(p => p.Upper));
        Assert.Empty(result.Phases[0].Estimate!.Excluded);
    }

    [Fact]
    public void Compute_NistCusum_ReproducesSumsAndFirstSignalAtFourteen()
    {
        // §6.5: μ₀ = 325, σ = 0.635, k = 0.5σ, h = 4.1959; S_hi at 13–15 = 3.01, 4.94, 7.46; upper signals 14–20.
        var options = new SeriesChartOptions
        {
            Chart = ChartKind.Cusum, Target = 325, Sigma = 0.635, Cusum = new SeriesCusumOptions { K = 0.5, H = 4.1959 / 0.635 },
        };
        var result = SeriesChart.Compute(SeriesPoints.Values(SpcData.NistCusum), options);

        Assert.Equal([3.01, 4.94, 7.46], result.Points.Skip(12).Take(3).Select(p => p.CusumUpper!.Value), new ToleranceComparer(0.005 + 1e-9));
        Assert.Equal(0.71, result.Points[7].CusumLower!.Value, 0.005 + 1e-9);
        Assert.All(result.Points, p => Assert.Equal(4.1959, p.DecisionInterval!.Value, 1e-12));
        Assert.Equal(Enumerable.Range(14, 7), SeriesPoints.Signalled(result, SpcRule.CusumUpper));
        Assert.Equal(result.Signals.Count, SeriesPoints.Signalled(result, SpcRule.CusumUpper).Length);
        Assert.Equal(4.1959, result.Phases[0].DecisionInterval!.Value, 1e-12);
        Assert.Equal(324.93, result.Points[0].Value);
    }

    [Fact]
    public void Compute_IndividualsBaselineOutlierWithCause_IsExcludedAndLaterPointsUseRevisedLimits()
    {
        // Hand computation: baseline 1,3,2,1,3,2,40,2: trial x̄ = 6.75, MR̄ = 83/7, 3σ̂ = 31.53 < |40 − 6.75| → 40, which has
        // an assignable cause, excluded. Revised on 1,3,2,1,3,2,2: x̄ = 2, MR̄ = 7/6 (the range spans the gap),
        // σ̂ = 1.0343, stable; point 9 (x = 6) > 5.103.
        var result = SeriesChart.Compute(
            SeriesPoints.WithCauses(SeriesPoints.Values([1, 3, 2, 1, 3, 2, 40, 2, 6]), (7, "wrong unit in the export")),
            new SeriesChartOptions { Chart = ChartKind.Individuals, BaselineLength = 8 });

        var estimate = result.Phases[0].Estimate!;
        Assert.Equal([7], estimate.Excluded);
        Assert.Equal((2.0, 6.75, 2), (estimate.Center, estimate.TrialCenter, estimate.Iterations));
        Assert.Equal(7.0 / 6 / 1.128, estimate.Sigma!.Value, 1e-12);
        Assert.True(result.Points[6].Excluded);
        Assert.Equal(6.75, result.Points[6].Center, 1e-12);
        Assert.Equal(2 + (3 * 7.0 / 6 / 1.128), result.Points[8].Upper, 1e-12);
        Assert.Equal([7, 9], SeriesPoints.Signalled(result, SpcRule.BeyondLimits));
        Assert.Empty(estimate.Retained);
    }

    [Fact]
    public void Compute_IndividualsBaselineOutlierWithoutCause_IsRetained()
    {
        // The same baseline with no cause recorded for 40: Montgomery keeps it; x̄ = 6.75 and MR̄ = 83/7 stand.
        var result = SeriesChart.Compute(
            SeriesPoints.Values([1, 3, 2, 1, 3, 2, 40, 2, 6]), new SeriesChartOptions { Chart = ChartKind.Individuals, BaselineLength = 8 });

        var estimate = result.Phases[0].Estimate!;
        Assert.Empty(estimate.Excluded);
        Assert.Equal([7], estimate.Retained);
        Assert.Equal((6.75, 6.75, 1), (estimate.Center, estimate.TrialCenter, estimate.Iterations));
        Assert.Equal(83.0 / 7 / 1.128, estimate.Sigma!.Value, 1e-12);
    }

    [Fact]
    public void Compute_CusumConstantBaseline_HasUndefinedSumsAndNoSignals()
    {
        var result = SeriesChart.Compute(SeriesPoints.Values([5, 5, 5, 5, 5, 5, 5, 5, 9]), new SeriesChartOptions { Chart = ChartKind.Cusum, BaselineLength = 8 });

        Assert.Empty(result.Signals);
        Assert.True(double.IsNaN(result.Points[8].CusumUpper!.Value));
    }
}
