using Quality.Domain.Audit;
using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Sampling;

/// <summary>Sequences built by hand from the switching rules (Z1.4-2003 / ISO 2859-1 §9.3–9.4); the rule is named at each step.</summary>
public sealed class InspectionStateTests
{
    // K at AQL 1.0: normal 125 Ac 3 Re 4 (one step tighter: Ac 2); tightened 125 Ac 2 Re 3; reduced 50 Ac 1 Re 4 (transcribed).
    private static readonly LotOutcome Clean = new(0, 3, 4);
    private static readonly LotOutcome Rejected = new(4, 3, 4);

    private static InspectionState Run(InspectionState state, params LotOutcome[] lots) => lots.Aggregate(state, (s, lot) => s.Next(lot));

    [Fact]
    public void Normal_TwoRejectedWithinFiveLots_Tightens()
    {
        // R, A, A, A, R: the two rejections span 5 consecutive lots → tightened after the fifth.
        var state = Run(InspectionState.Start(true), Rejected, Clean, Clean, Clean);
        Assert.Equal(InspectionSeverity.Normal, state.Severity);

        state = state.Next(Rejected);

        Assert.Equal(InspectionSeverity.Tightened, state.Severity);
        Assert.StartsWith("normal → tightened", state.History[^1].Switch, StringComparison.Ordinal);
    }

    [Fact]
    public void Normal_TwoRejectedSixLotsApart_StaysNormal()
    {
        // R, A, A, A, A, R: six lots, no window of 5 holds both → still normal.
        var state = Run(InspectionState.Start(true), Rejected, Clean, Clean, Clean, Clean, Rejected);

        Assert.Equal(InspectionSeverity.Normal, state.Severity);
        Assert.Equal(0, state.SwitchingScore); // a rejection resets the score
    }

    [Fact]
    public void Tightened_FiveConsecutiveAccepted_ReturnsToNormal()
    {
        var tightened = Run(InspectionState.Start(true), Rejected, Rejected);
        var tight = new LotOutcome(0, 2, 3);

        // 4 accepted, 1 rejected (resets the run), then 5 accepted → normal on the fifth.
        var state = Run(tightened, tight, tight, tight, tight, new LotOutcome(3, 2, 3), tight, tight, tight, tight);
        Assert.Equal(InspectionSeverity.Tightened, state.Severity);
        state = state.Next(tight);

        Assert.Equal(InspectionSeverity.Normal, state.Severity);
        Assert.Equal(0, state.SwitchingScore);
    }

    [Fact]
    public void Tightened_FiveRejectedCumulatively_Discontinues()
    {
        var rejected = new LotOutcome(3, 2, 3);
        var accepted = new LotOutcome(0, 2, 3);

        // On tightened: R, A, R, A, R, R, R → the fifth rejection (not consecutive) discontinues.
        var state = Run(InspectionState.Start(true), Rejected, Rejected, rejected, accepted, rejected, accepted, rejected, rejected);
        Assert.False(state.IsDiscontinued);
        state = state.Next(rejected);

        Assert.True(state.IsDiscontinued);
        Assert.Throws<InvalidOperationException>(() => state.Next(accepted));
        var resumed = state.Resume();
        Assert.Equal((InspectionSeverity.Tightened, false, 0), (resumed.Severity, resumed.IsDiscontinued, resumed.RejectedOnTightened));
    }

    [Fact]
    public void Normal_SwitchingScoreReaches30_Reduces()
    {
        // Ac = 3 ≥ 2: +3 per lot with d ≤ 2 (accepted at one step tighter); d = 3 is accepted but resets the score.
        var state = Run(InspectionState.Start(true), Enumerable.Repeat(new LotOutcome(2, 3, 4), 5).Append(new LotOutcome(3, 3, 4)).ToArray());
        Assert.Equal(0, state.SwitchingScore);
        state = Run(state, [.. Enumerable.Repeat(Clean, 9)]);
        Assert.Equal((InspectionSeverity.Normal, 27), (state.Severity, state.SwitchingScore));

        state = state.Next(Clean);

        Assert.Equal(InspectionSeverity.Reduced, state.Severity);
        Assert.Equal(30, state.History[^1].SwitchingScore);
    }

    [Fact]
    public void Normal_AcceptanceNumberZeroOrOne_AddsTwoPerAcceptedLot()
    {
        var state = Run(InspectionState.Start(true), [.. Enumerable.Repeat(new LotOutcome(1, 1, 2), 14)]);
        Assert.Equal(28, state.SwitchingScore);

        Assert.Equal(InspectionSeverity.Reduced, state.Next(new LotOutcome(0, 0, 1)).Severity);
    }

    [Fact]
    public void Normal_ReducedNotApprovedOrProductionIrregular_StaysNormal()
    {
        Assert.Equal(InspectionSeverity.Normal, Run(InspectionState.Start(false), [.. Enumerable.Repeat(Clean, 12)]).Severity);
        var almost = Run(InspectionState.Start(true), [.. Enumerable.Repeat(Clean, 9)]);
        Assert.Equal(InspectionSeverity.Normal, almost.Next(Clean with { ProductionIrregular = true }).Severity);
    }

    [Theory]
    [InlineData(4, false, "reduced → normal: lot not accepted")]
    [InlineData(2, false, "reduced → normal: lot accepted with Ac < d < Re")]
    [InlineData(0, true, "reduced → normal: production irregular")]
    public void Reduced_RejectionGapOrIrregularity_ReturnsToNormal(int nonconforming, bool irregular, string rule)
    {
        var reduced = Run(InspectionState.Start(true), [.. Enumerable.Repeat(Clean, 10)]);
        Assert.Equal(InspectionSeverity.Reduced, reduced.Severity);

        var state = reduced.Next(new LotOutcome(nonconforming, 1, 4, irregular));

        Assert.Equal((InspectionSeverity.Normal, rule), (state.Severity, state.History[^1].Switch));
        Assert.Equal(nonconforming < 4, state.History[^1].Accepted);
    }

    [Fact]
    public void Reduced_CleanLot_StaysReduced() =>
        Assert.Equal(InspectionSeverity.Reduced, Run(InspectionState.Start(true), [.. Enumerable.Repeat(Clean, 10), new LotOutcome(1, 1, 4)]).Severity);

    [Fact]
    public void Json_RoundTrip_KeepsStateAndHistory()
    {
        var state = Run(InspectionState.Start(true), Rejected, Clean, Rejected, new LotOutcome(0, 2, 3));
        var json = ReportJson.Serialize(state);

        var back = ReportJson.Deserialize<InspectionState>(json);

        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(4, back.History.Count);
        Assert.Equal(InspectionSeverity.Tightened, back.Next(Clean).Severity);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(21, 14)]
    [InlineData(7, 5)]
    [InlineData(2, 1)]
    public void OneStepTighter_FollowsTableIIAAcceptanceNumbers(int accept, int tighter) =>
        Assert.Equal(tighter, InspectionState.OneStepTighter(accept));
}
