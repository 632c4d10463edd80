using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

public sealed class EwmaChartTests
{
    private static readonly EwmaOptions Nist = new() { Lambda = 0.3, L = 3, Target = 50, Sigma = 2.0539 };

    [Fact]
    public void Compute_NistExample_ReproducesPublishedEwmaToTwoDecimals()
    {
        // statistics-vectors.md §6.4: NIST e-Handbook §6.3.2.4 EWMA_1..EWMA_20 (EWMA_0 = 50), printed to 2 dp.
        double[] published =
        [
            50.60, 49.52, 50.56, 50.18, 50.16, 49.21, 49.75, 49.85, 50.26, 50.33,
            50.11, 49.36, 49.52, 50.05, 49.38, 49.92, 50.73, 51.23, 51.94, 51.99,
        ];

        var chart = EwmaChart.Compute(SpcData.NistEwma, Nist);

        Assert.Equal(published.Length, chart.Points.Count);
        for (var t = 0; t < published.Length; t++)
        {
            Assert.Equal(published[t], chart.Points[t].Value, 0.005 + 1e-9);
            Assert.Equal(50, chart.Points[t].Center);
        }
    }

    [Fact]
    public void Compute_NistExample_LimitsConvergeToPublishedSteadyStateAndNothingSignals()
    {
        // §6.4: UCL 52.5884, LCL 47.4115 (steady state); at t = 20 (1 − 0.3)^40 ≈ 6e-7, so the exact limit is within 1e-6 of it.
        var chart = EwmaChart.Compute(SpcData.NistEwma, Nist);

        Assert.Equal(52.5884, chart.Points[^1].Upper, 5e-5);
        Assert.Equal(47.4115, chart.Points[^1].Lower, 1e-4);
        Assert.Empty(chart.Signals);
    }

    [Fact]
    public void Compute_FirstPoint_UsesExactTimeVaryingLimit()
    {
        // Hand computation: t = 1 → σ_z = σ·√(λ/(2−λ)·(1−(1−λ)²)) = σ·λ.
        var chart = EwmaChart.Compute(SpcData.NistEwma, Nist);

        Assert.Equal(2.0539 * 0.3, chart.Points[0].Sigma, 1e-12);
        Assert.Equal(50 + (3 * 2.0539 * 0.3), chart.Points[0].Upper, 1e-12);
    }

    [Fact]
    public void Compute_MistatSmoothing_StartsAtTarget()
    {
        // §6.4 extra vectors (gedeck/mistat ewmaSmooth): x = [1,2,3,4], λ = 0.2, start 10 → 8.2, 6.96, 6.168, 5.7344;
        // start = first value, λ = 0.8 → 1, 1.8, 2.76, 3.752.
        var fromTen = EwmaChart.Compute([1, 2, 3, 4], new EwmaOptions { Lambda = 0.2, Target = 10, Sigma = 1 });
        var fromFirst = EwmaChart.Compute([1, 2, 3, 4], new EwmaOptions { Lambda = 0.8, Target = 1, Sigma = 1 });

        Assert.Equal([8.2, 6.96, 6.168, 5.7344], fromTen.Points.Select(p => p.Value), new ToleranceComparer(1e-12));
        Assert.Equal([1, 1.8, 2.76, 3.752], fromFirst.Points.Select(p => p.Value), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Compute_NoTargetOrSigma_EstimatesFromBaseline()
    {
        // Hand computation: baseline [1, 3] → mean 2, MR̄ = 2, σ = 2/1.128.
        var chart = EwmaChart.Compute([1, 3, 10], new EwmaOptions { BaselineLength = 2 });

        Assert.Equal(2, chart.Points[0].Center);
        Assert.Equal(2 / 1.128 * 0.2, chart.Points[0].Sigma, 1e-12);
    }

    [Fact]
    public void Compute_SinglePointWithoutSigma_HasNaNLimitsAndNoSignal()
    {
        var chart = EwmaChart.Compute([5], new EwmaOptions());

        Assert.True(double.IsNaN(chart.Points[0].Upper));
        Assert.Empty(chart.Signals);
    }
}
