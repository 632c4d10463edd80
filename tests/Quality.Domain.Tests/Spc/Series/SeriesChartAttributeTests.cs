using Quality.Domain.Spc;
using Quality.Domain.Spc.Series;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc.Series;

public sealed class SeriesChartAttributeTests
{
    private static readonly SeriesChartOptions P30 = new() { Chart = ChartKind.P, BaselineLength = 30, Rules = RuleSet.None };

    [Fact]
    public void Compute_OrangeJuiceOnePhase_ReproducesQccTrialLimitsAndSignals()
    {
        // statistics-vectors.md §6.1 (R qcc): p̄ 0.2313333, LCL 0.05242755, UCL 0.4102391; samples 15 and 23 above UCL.
        var result = SeriesChart.Compute(SeriesPoints.Attribute(SpcData.OrangeJuiceCounts, 50), P30);

        Assert.All(result.Points, p =>
        {
            Assert.Equal(0.2313333, p.Center, 5e-8);
            Assert.Equal(0.05242755, p.Lower, 5e-9);
            Assert.Equal(0.4102391, p.Upper, 5e-8);
            Assert.True(p.InBaseline);
        });
        Assert.Equal([15, 23], result.Signals.Select(s => s.Points.Single()));
        Assert.All(result.Signals, s => Assert.Equal(SpcRule.BeyondLimits, s.Rule));
        Assert.Equal(PhaseStatus.PhaseI, result.Status);
        Assert.Equal(0.2313333, result.Center, 5e-8);
        Assert.Equal("phase I: limits from 30 baseline deliveries; baseline points 15, 23 out of control with no assignable cause, retained", result.Note);
    }

    [Fact]
    public void Compute_OrangeJuiceWithMontgomerysCauses_PhaseRecordsExcludedAndRetainedPoints()
    {
        // Montgomery's procedure as in PChartTests: 15 and 23 have causes and go; 21 is beyond the revised limits (0.215,
        // UCL 0.3892972) with no cause, so it stays, and the phase says so.
        var result = SeriesChart.Compute(SeriesPoints.OrangeJuiceWithCauses(SpcData.OrangeJuiceCounts), P30);
        var phase = result.Phases.Single();

        Assert.NotNull(phase.Estimate);
        Assert.Equal(0.215, phase.Estimate.Center, 1e-12);
        Assert.Equal(347.0 / 1500, phase.Estimate.TrialCenter, 1e-12);
        Assert.Equal([15, 23], phase.Estimate.Excluded);
        Assert.Equal([21], phase.Estimate.Retained);
        Assert.Equal(2, phase.Estimate.Iterations);
        Assert.True(phase.Estimate.IsStable);
        Assert.Null(phase.Estimate.Sigma);
        Assert.Equal((1, 30, 30), (phase.Start, phase.End, phase.BaselineLength));
        Assert.False(phase.IsProvisional);
        Assert.Equal([15, 23], result.Points.Where(p => p.Excluded).Select(p => p.Index));
        Assert.Equal("an inexperienced operator", result.Points[22].AssignableCause);
        Assert.Equal(
            "phase I: limits from 30 baseline deliveries; baseline points 15, 23 excluded as out of control with an assignable cause; "
            + "baseline points 21 out of control with no assignable cause, retained",
            result.Note);
    }

    [Fact]
    public void Compute_BaselineOutlierWithoutCause_StaysInTheLimits()
    {
        // The defect this replaces: every point beyond the trial limits was dropped, cause or not (281/1350 here).
        var phase = SeriesChart.Compute(SeriesPoints.Attribute(SpcData.OrangeJuiceCounts, 50), P30).Phases.Single();

        Assert.Equal(347.0 / 1500, phase.Estimate!.Center, 1e-12);
        Assert.Empty(phase.Estimate.Excluded);
        Assert.Equal([15, 23], phase.Estimate.Retained);
    }

    [Fact]
    public void Compute_OrangeJuiceWithWesternElectric_KeepsLimitSignalsAndAddsRuns()
    {
        var result = SeriesChart.Compute(SeriesPoints.Attribute(SpcData.OrangeJuiceCounts, 50), P30 with { Rules = RuleSet.WesternElectric });

        Assert.Equal([15, 23], SeriesPoints.Signalled(result, SpcRule.BeyondLimits));
        // p21 = 0.40, p22 = 0.36 are beyond 2σ (σ = 0.0596) above p̄: WECO 2 at 22; rule 1 is left to BeyondLimits.
        Assert.Contains(22, SeriesPoints.Signalled(result, SpcRule.WesternElectric2));
        Assert.DoesNotContain(result.Signals, s => s.Rule == SpcRule.WesternElectric1);
    }

    [Fact]
    public void Compute_OrangeJuicePhaseII_ChartsLaterSamplesAgainstRevisedLimits()
    {
        // §6.1 Phase II: the 24 samples after adjustment, same phase key, baseline = first 30 with Montgomery's causes, so
        // the later samples are judged against his revised limits: p̄ 0.215, UCL 0.3892972, LCL 0.04070284 (qcc). Sample 41
        // (p = 2/50 = 0.04) is below the LCL; every sample from 34 on is below p̄: WECO 4 at 41.
        double[] counts = [.. SpcData.OrangeJuiceCounts, .. SpcData.OrangeJuicePhaseIICounts];
        var result = SeriesChart.Compute(SeriesPoints.OrangeJuiceWithCauses(counts), P30 with { Rules = RuleSet.WesternElectric });

        var later = result.Points.Skip(30).ToArray();
        Assert.All(later, p =>
        {
            Assert.Equal(0.215, p.Center, 1e-12);
            Assert.Equal(0.3892972, p.Upper, 5e-8);
            Assert.Equal(0.04070284, p.Lower, 5e-9);
            Assert.False(p.InBaseline);
        });
        Assert.Equal([15, 23, 41], SeriesPoints.Signalled(result, SpcRule.BeyondLimits));
        var firstRun = result.Signals.First(s => s.Rule == SpcRule.WesternElectric4);
        Assert.Equal(Enumerable.Range(34, 8), firstRun.Points);
        Assert.Equal(PhaseStatus.PhaseII, result.Status);
        Assert.StartsWith("phase II: 24 deliveries charted against limits frozen from 30 baseline deliveries", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OrangeJuiceAdjustmentAsNewPhase_ReestimatesLimits()
    {
        // The adjustment as a phase change: the 24 later samples get their own Phase I, qcc orangejuice2 (§6.1):
        // centre 0.1108333 (= 133/1200), UCL 0.2440207, LCL 0 (−0.0224 floored). 24 < 30 points: provisional.
        SeriesPoint[] points =
        [
            .. SeriesPoints.Attribute(SpcData.OrangeJuiceCounts, 50, "before"),
            .. SeriesPoints.Attribute(SpcData.OrangeJuicePhaseIICounts, 50, "after adjustment", first: 31),
        ];
        var result = SeriesChart.Compute(points, P30);

        Assert.Equal(2, result.Phases.Count);
        var after = result.Phases[1];
        Assert.Equal(("after adjustment", 2, 31, 54, PhaseStatus.PhaseI), (after.Key, after.Index, after.Start, after.End, after.Status));
        Assert.True(after.IsProvisional);
        Assert.Empty(after.Estimate!.Excluded);
        Assert.All(result.Points.Skip(30), p =>
        {
            Assert.Equal(0.1108333, p.Center, 5e-8);
            Assert.Equal(0.2440207, p.Upper, 5e-8);
            Assert.Equal(0, p.Lower);
            Assert.Equal(2, p.PhaseIndex);
        });
        Assert.Equal([15, 23], result.Signals.Select(s => s.Points.Single()));
        Assert.Equal("phase I: limits from 24 baseline deliveries since phase 'after adjustment' began, provisional until 30", result.Note);
    }

    [Fact]
    public void Compute_LaneyP_SigmaZFromBaselineMatchesLaneyChart()
    {
        // §6.8 recomputed: σ_Z = 1.660867, UCL 0.528472, nothing beyond, overdispersed.
        var options = new SeriesChartOptions { Chart = ChartKind.LaneyP, BaselineLength = 30, Rules = RuleSet.None };
        var result = SeriesChart.Compute(SeriesPoints.Attribute(SpcData.OrangeJuiceCounts, 50), options);

        var phase = result.Phases.Single();
        Assert.Equal(1.660867, phase.SigmaZ!.Value, 5e-7);
        Assert.Equal(Dispersion.Overdispersed, phase.Dispersion);
        Assert.StartsWith("σZ = 1.661: ", phase.Note, StringComparison.Ordinal);
        Assert.All(result.Points, p => Assert.Equal(0.528472, p.Upper, 5e-7));
        Assert.Empty(result.Signals);
        Assert.Empty(phase.Estimate!.Excluded);
    }

    [Fact]
    public void Compute_U_MatchesUChartOnDyedCloth()
    {
        var points = SpcData.DyedClothCounts.Select((c, i) => new SeriesPoint($"r{i}", c, SpcData.DyedClothSizes[i], null, "")).ToArray();
        var result = SeriesChart.Compute(points, new SeriesChartOptions { Chart = ChartKind.U, BaselineLength = 10 });
        var expected = UChart.Compute(SpcData.DyedClothCounts, SpcData.DyedClothSizes);

        Assert.Equal(expected.Points.Select(p => p.Upper), result.Points.Select(p => p.Upper));
        Assert.Equal(153 / 107.5, result.Center, 1e-12);
    }
}
