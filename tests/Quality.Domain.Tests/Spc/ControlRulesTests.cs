using Quality.Domain.Spc;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Spc;

/// <summary>Each hand-made sequence triggers exactly one rule of its family (statistics-vectors.md §6.6, §6.7 wording).</summary>
public sealed class ControlRulesTests
{
    public static TheoryData<SpcRule, double[], int[]> WesternElectricCases => new()
    {
        // 1: one point beyond 3σ.
        { SpcRule.WesternElectric1, [0.5, -0.5, 3.5, 0.5, -0.5], [3] },
        // 2: two of three successive points beyond 2σ on the same side; the odd point may be anywhere.
        { SpcRule.WesternElectric2, [0.5, 2.5, -0.5, 2.5, -0.5], [2, 4] },
        // 3: four of five successive points beyond 1σ on the same side.
        { SpcRule.WesternElectric3, [1.5, 1.5, -0.5, 1.5, 1.5], [1, 2, 4, 5] },
        // 4: eight successive points on the same side.
        { SpcRule.WesternElectric4, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [1, 2, 3, 4, 5, 6, 7, 8] },
    };

    public static TheoryData<SpcRule, double[], int[]> NelsonCases => new()
    {
        // 1: one point more than 3σ from the mean.
        { SpcRule.Nelson1, [0.5, -0.5, 3.5, -0.5, 0.5], [3] },
        // 2: nine points in a row on the same side of the mean.
        { SpcRule.Nelson2, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [1, 2, 3, 4, 5, 6, 7, 8, 9] },
        // 3: six points in a row continually increasing.
        { SpcRule.Nelson3, [-0.9, -0.6, -0.3, 0.1, 0.4, 0.7], [1, 2, 3, 4, 5, 6] },
        // 4: fourteen points in a row alternating in direction.
        { SpcRule.Nelson4, [.. Enumerable.Range(0, 14).Select(i => i % 2 == 0 ? 0.5 : -0.5)], [.. Enumerable.Range(1, 14)] },
        // 5: two of three points in a row beyond 2σ in the same direction.
        { SpcRule.Nelson5, [0.5, 2.5, -0.5, 2.5], [2, 4] },
        // 6: four of five points in a row beyond 1σ in the same direction.
        { SpcRule.Nelson6, [1.5, 1.5, -0.5, 1.5, 1.5], [1, 2, 4, 5] },
        // 7: fifteen points in a row within 1σ (pairs of equal values break trends and alternation).
        { SpcRule.Nelson7, [.. Enumerable.Range(0, 15).Select(i => i % 4 < 2 ? 0.5 : -0.5)], [.. Enumerable.Range(1, 15)] },
        // 8: eight points in a row, none within 1σ, on both sides.
        { SpcRule.Nelson8, [1.5, 1.5, -1.5, -1.5, 1.5, 1.5, -1.5, -1.5], [1, 2, 3, 4, 5, 6, 7, 8] },
    };

    [Theory]
    [MemberData(nameof(WesternElectricCases))]
    public void WesternElectric_HandMadeSequence_TriggersExactlyItsRule(SpcRule rule, double[] z, int[] points)
    {
        var signal = Assert.Single(ControlRules.WesternElectric(z));

        Assert.Equal(rule, signal.Rule);
        Assert.Equal(points, signal.Points);
    }

    [Theory]
    [MemberData(nameof(NelsonCases))]
    public void Nelson_HandMadeSequence_TriggersExactlyItsRule(SpcRule rule, double[] z, int[] points)
    {
        var signal = Assert.Single(ControlRules.Nelson(z));

        Assert.Equal(rule, signal.Rule);
        Assert.Equal(points, signal.Points);
    }

    [Fact]
    public void WesternElectric_RunOfEightVersusNelsonRunOfNine_DifferAsTheReferenceWarns()
    {
        // §6.6 caveat: WECO rule 4 is eight points; nine is the Nelson variant. Configurable both ways.
        double[] eight = [.. Enumerable.Repeat(-0.5, 8)];

        Assert.Empty(ControlRules.Nelson(eight));
        Assert.Single(ControlRules.Nelson(eight, new NelsonOptions { SameSideRun = 8 }));
        Assert.Empty(ControlRules.WesternElectric(eight[..7]));
    }

    [Fact]
    public void SameSideRun_PointOnCentreLine_BreaksTheRun() =>
        // §6.7 edge semantics: ties on the centre line break a run.
        Assert.Empty(ControlRules.WesternElectric([0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 0.5, 0.5]));

    [Fact]
    public void Beyond_IsStrict() =>
        // §6.7 edge semantics: "beyond" is strict, so z = 3 and z = 2 do not count.
        Assert.Empty(ControlRules.WesternElectric([3, -2, -2, 1, 1, 1, 1]));

    [Fact]
    public void TwoOfThree_OppositeSides_DoesNotSignal() =>
        // §6.6: the two points beyond 2σ must be on the same side.
        Assert.Empty(ControlRules.WesternElectric([2.5, -2.5, 0.5]));

    [Fact]
    public void Trend_EqualNeighbours_BreakTheTrend() =>
        Assert.Empty(ControlRules.Nelson([-0.9, -0.6, -0.3, -0.3, 0.4, 0.7]));

    [Fact]
    public void Mixture_AllOnOneSide_IsNotRuleEight()
    {
        // Eight points beyond 1σ all above: rules 5/6 fire, rule 8 does not (§6.7: "in both directions").
        var signals = ControlRules.Nelson([.. Enumerable.Repeat(1.5, 8)]);

        Assert.DoesNotContain(signals, s => s.Rule == SpcRule.Nelson8);
    }

    [Fact]
    public void NaN_BreaksRuns() =>
        Assert.Empty(ControlRules.WesternElectric([0.5, 0.5, 0.5, 0.5, double.NaN, 0.5, 0.5, 0.5, 0.5]));

    [Fact]
    public void WesternElectric_OrangeJuicePChart_RuleOneIsTheBeyondLimitsPoints()
    {
        // §6.1: on the trial p chart (no clipping in play) rule 1 fires exactly at samples 15 and 23.
        var chart = PChart.Compute(SpcData.OrangeJuiceCounts, SpcData.Sizes(30, 50));

        var ruleOne = ControlRules.WesternElectric(chart.Standardised()).Where(s => s.Rule == SpcRule.WesternElectric1);

        Assert.Equal([15, 23], ruleOne.SelectMany(s => s.Points));
    }

    [Fact]
    public void Nelson_CusumChart_NeverFiresBecauseSigmaIsNaN()
    {
        var cusum = CusumChart.Compute(SpcData.NistCusum, new CusumOptions { Target = 325, Sigma = 0.635 });

        Assert.Empty(ControlRules.Nelson(cusum.Upper.Standardised()));
    }
}
