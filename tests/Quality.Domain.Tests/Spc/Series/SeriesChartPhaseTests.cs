using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;

namespace Quality.Domain.Tests.Spc.Series;

public sealed class SeriesChartPhaseTests
{
    // Two phases of 10 values. A: x̄ = 1.92, MR̄ = 11.2/9; B: x̄ = 9.92, MR̄ = 10.8/9. A's last four and B's first five
    // points are below their centres (|z| < 1): nine in a row across the change, none within a phase.
    private static readonly double[] A = [1, 3, 1, 3, 1, 3, 1.8, 1.8, 1.8, 1.8];
    private static readonly double[] B = [9.8, 9.8, 9.8, 9.8, 9, 11, 9, 11, 9, 11];
    private static readonly SeriesChartOptions Imr = new() { Chart = ChartKind.Individuals };

    private static SeriesPoint[] TwoPhases() => [.. SeriesPoints.Values(A, "taxonomy@1.0.0"), .. SeriesPoints.Values(B, "taxonomy@2.0.0", first: 11)];

    [Fact]
    public void Compute_PhaseChange_ResetsLimits()
    {
        // Hand computation: A limits 1.92 ± 3·(11.2/9)/1.128; B limits 9.92 ± 3·(10.8/9)/1.128.
        var result = SeriesChart.Compute(TwoPhases(), Imr);

        var sigmaA = 11.2 / 9 / 1.128;
        var sigmaB = 10.8 / 9 / 1.128;
        Assert.All(result.Points.Take(10), p => Assert.Equal((1.92, 1.92 + (3 * sigmaA)), (p.Center, p.Upper), new PairComparer(1e-12)));
        Assert.All(result.Points.Skip(10), p => Assert.Equal((9.92, 9.92 - (3 * sigmaB)), (p.Center, p.Lower), new PairComparer(1e-12)));
        Assert.Equal(sigmaB, result.Phases[1].Estimate!.Sigma!.Value, 1e-12);
        Assert.Equal([(1, 10), (11, 20)], result.Phases.Select(p => (p.Start, p.End)));
        Assert.True(double.IsNaN(result.Points[10].MovingRange!.Value));
        Assert.Equal(2, result.Points[1].MovingRange);
    }

    [Fact]
    public void Compute_RunAcrossPhaseChange_DoesNotSignal()
    {
        var result = SeriesChart.Compute(TwoPhases(), Imr with { Rules = RuleSet.Nelson });

        Assert.Empty(result.Signals);
        // The same z read as one sequence would fire: WECO 4 at 14 (points 7–14) and Nelson 2 at 15 (points 7–15).
        var z = result.Points.Select(p => p.Z).ToArray();
        Assert.Equal(Enumerable.Range(7, 8), ControlRules.WesternElectric(z).First(s => s.Rule == SpcRule.WesternElectric4).Points);
        Assert.Contains(ControlRules.Nelson(z), s => s.Rule == SpcRule.Nelson2);
    }

    [Fact]
    public void Compute_WarmingUp_PlotsButSignalsNothing()
    {
        // Five points, one far out: fewer than MinimumBaseline 8, so no limits and no signal.
        var result = SeriesChart.Compute(SeriesPoints.Values([1, 2, 1, 2, 100]), Imr);

        Assert.Equal(PhaseStatus.WarmingUp, result.Status);
        Assert.Equal("warming up: 5 of 8 deliveries needed", result.Note);
        Assert.Empty(result.Signals);
        Assert.Equal(100, result.Points[4].Value);
        Assert.All(result.Points, p => Assert.True(double.IsNaN(p.Upper) && double.IsNaN(p.Center) && p.InBaseline));
        Assert.Null(result.Phases.Single().Estimate);
    }

    [Fact]
    public void Compute_NewPhaseWarmingUp_KeepsEarlierPhaseSignals()
    {
        double[] first = [1, 3, 1, 3, 1, 3, 1, 3, 30];
        var result = SeriesChart.Compute([.. SeriesPoints.Values(first, "a"), .. SeriesPoints.Values([2, 2, 2], "b", first: 10)], Imr);

        Assert.Equal(PhaseStatus.WarmingUp, result.Status);
        Assert.Equal("warming up: 3 of 8 deliveries needed since phase 'b' began", result.Note);
        Assert.Equal([9], SeriesPoints.Signalled(result, SpcRule.BeyondLimits));
        Assert.Equal(PhaseStatus.PhaseI, result.Phases[0].Status);
    }

    [Fact]
    public void Compute_FewerThanBaselineLength_IsProvisionalPhaseI()
    {
        var result = SeriesChart.Compute(SeriesPoints.Values(A), Imr);

        Assert.Equal(PhaseStatus.PhaseI, result.Status);
        Assert.True(result.Phases[0].IsProvisional);
        Assert.Equal("phase I: limits from 10 baseline deliveries, provisional until 20", result.Note);
    }

    [Fact]
    public void Compute_MinimumAboveBaselineLength_IsCappedAtBaselineLength()
    {
        var result = SeriesChart.Compute(SeriesPoints.Values([1, 3, 2, 20]), Imr with { BaselineLength = 3 });

        // Hand computation (IndividualsChartTests): baseline 1, 3, 2 → x̄ = 2, σ̂ = 1.5/1.128; x₄ = 20 is beyond.
        Assert.Equal(PhaseStatus.PhaseII, result.Status);
        Assert.Equal([4], SeriesPoints.Signalled(result, SpcRule.BeyondLimits));
        Assert.Equal(2 + (3 * 1.5 / 1.128), result.Points[3].Upper, 1e-12);
    }

    [Fact]
    public void Compute_Empty_IsWarmingUp()
    {
        var result = SeriesChart.Compute([], Imr);

        Assert.Equal(PhaseStatus.WarmingUp, result.Status);
        Assert.Equal("warming up: 0 of 8 deliveries needed", result.Note);
        Assert.True(double.IsNaN(result.Center));
        Assert.Null(result.Current);
    }

    private sealed class PairComparer(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance;

        public int GetHashCode((double, double) obj) => 0;
    }
}
