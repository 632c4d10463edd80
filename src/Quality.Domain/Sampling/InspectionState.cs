namespace Quality.Domain.Sampling;

/// <summary>Where a supplier's lots stand in the switching rules: the severity the next lot is inspected at, and why.</summary>
/// <remarks>
/// A pure state machine after ANSI/ASQ Z1.4-2003 / ISO 2859-1 §9.3–9.4 (MIL-STD-105E §8.3–8.4 with the switching score
/// in place of 105E's "10 lots and limit numbers"); each rule is applied on original inspection:
/// <list type="bullet">
/// <item>normal → tightened: 2 lots not accepted among 5 or fewer consecutive lots;</item>
/// <item>tightened → normal: 5 consecutive lots accepted;</item>
/// <item>normal → reduced: switching score ≥ 30, production steady, and reduced inspection approved. The score starts at 0
/// on normal inspection; after each lot, when Ac ≥ 2 add 3 if the lot would have been accepted with the AQL one step
/// tighter (d ≤ the next smaller acceptance number of Table II-A: 21→14→10→7→5→3→2→1), else reset to 0; when Ac ≤ 1 add 2
/// if the lot was accepted, else reset to 0;</item>
/// <item>reduced → normal: a lot not accepted, a lot accepted with Ac &lt; d &lt; Re (105E's reduced tables), or production
/// irregular;</item>
/// <item>discontinue: 5 lots not accepted (cumulative) while on tightened inspection. <see cref="Resume"/> restarts on tightened
/// once corrective action has been agreed.</item>
/// </list>
/// Immutable and JSON-serializable: <see cref="Next"/> returns the following state with the lot appended to
/// <see cref="History"/>.
/// </remarks>
public sealed record InspectionState
{
    internal const int ReducedScore = 30;

    /// <summary>The severity the next lot is inspected at.</summary>
    public InspectionSeverity Severity { get; init; }

    /// <summary>5 lots were not accepted on tightened inspection: no more lots until <see cref="Resume"/>.</summary>
    public bool IsDiscontinued { get; init; }

    /// <summary>The responsible authority allows reduced inspection (without it the score never switches).</summary>
    public bool ReducedInspectionApproved { get; init; }

    /// <summary>The switching score on normal inspection.</summary>
    public int SwitchingScore { get; init; }

    /// <summary>Consecutive lots accepted on tightened inspection.</summary>
    public int ConsecutiveAccepted { get; init; }

    /// <summary>Lots accepted on normal inspection since the last one not accepted; null when none was rejected since normal began.</summary>
    public int? AcceptedSinceRejection { get; init; }

    /// <summary>Lots not accepted since tightened inspection began.</summary>
    public int RejectedOnTightened { get; init; }

    public IReadOnlyList<InspectionRecord> History { get; init; } = [];

    /// <summary>Inspection begins on normal (the standard's default).</summary>
    public static InspectionState Start(bool reducedInspectionApproved) => new() { ReducedInspectionApproved = reducedInspectionApproved };

    public InspectionState Next(LotOutcome lot)
    {
        if (IsDiscontinued)
        {
            throw new InvalidOperationException("Inspection is discontinued after 5 lots not accepted on tightened inspection; resume it after corrective action.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(lot.Nonconforming);
        ArgumentOutOfRangeException.ThrowIfNegative(lot.Accept);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lot.Reject, lot.Accept);
        var (next, rule) = Severity switch
        {
            InspectionSeverity.Tightened => AfterTightened(lot),
            InspectionSeverity.Reduced => AfterReduced(lot),
            _ => AfterNormal(lot),
        };
        var record = new InspectionRecord(
            History.Count + 1, Severity, lot.Nonconforming, lot.Accept, lot.Reject, lot.Accepted,
            Severity == InspectionSeverity.Normal ? ScoreAfter(lot) : 0, next.Severity, next.IsDiscontinued, rule);
        return next with { History = [.. History, record] };
    }

    /// <summary>After corrective action: inspection resumes on tightened, as if normal had just switched to it.</summary>
    public InspectionState Resume() => IsDiscontinued
        ? Fresh(InspectionSeverity.Tightened) with { History = History }
        : throw new InvalidOperationException("Inspection is not discontinued.");

    private (InspectionState Next, string? Rule) AfterNormal(LotOutcome lot)
    {
        if (!lot.Accepted)
        {
            return AcceptedSinceRejection is <= 3
                ? (Fresh(InspectionSeverity.Tightened), "normal → tightened: 2 of 5 or fewer consecutive lots not accepted")
                : (this with { AcceptedSinceRejection = 0, SwitchingScore = 0 }, null);
        }

        var score = ScoreAfter(lot);
        var since = AcceptedSinceRejection + 1;
        return score >= ReducedScore && ReducedInspectionApproved && !lot.ProductionIrregular
            ? (Fresh(InspectionSeverity.Reduced), "normal → reduced: switching score reached 30, production steady, reduced inspection approved")
            : (this with { SwitchingScore = score, AcceptedSinceRejection = since }, null);
    }

    /// <summary>The switching score after a lot on normal inspection.</summary>
    private int ScoreAfter(LotOutcome lot) =>
        !lot.Accepted ? 0
        : lot.Accept >= 2 ? lot.Nonconforming <= OneStepTighter(lot.Accept) ? SwitchingScore + 3 : 0
        : SwitchingScore + 2;

    private (InspectionState Next, string? Rule) AfterTightened(LotOutcome lot)
    {
        if (lot.Accepted)
        {
            return ConsecutiveAccepted + 1 >= 5
                ? (Fresh(InspectionSeverity.Normal), "tightened → normal: 5 consecutive lots accepted")
                : (this with { ConsecutiveAccepted = ConsecutiveAccepted + 1 }, null);
        }

        var rejected = RejectedOnTightened + 1;
        return rejected >= 5
            ? (this with { ConsecutiveAccepted = 0, RejectedOnTightened = rejected, IsDiscontinued = true }, "discontinued: 5 lots not accepted on tightened inspection")
            : (this with { ConsecutiveAccepted = 0, RejectedOnTightened = rejected }, null);
    }

    private (InspectionState Next, string? Rule) AfterReduced(LotOutcome lot) =>
        !lot.Accepted ? (Fresh(InspectionSeverity.Normal), "reduced → normal: lot not accepted")
        : lot.Nonconforming > lot.Accept ? (Fresh(InspectionSeverity.Normal), "reduced → normal: lot accepted with Ac < d < Re")
        : lot.ProductionIrregular ? (Fresh(InspectionSeverity.Normal), "reduced → normal: production irregular")
        : (this, null);

    private InspectionState Fresh(InspectionSeverity severity) =>
        new() { Severity = severity, ReducedInspectionApproved = ReducedInspectionApproved };

    /// <summary>The acceptance number of the same sample size one AQL step tighter in Table II-A.</summary>
    internal static int OneStepTighter(int accept)
    {
        ReadOnlySpan<int> series = [0, 1, 2, 3, 5, 7, 10, 14, 21];
        var tighter = 0;
        foreach (var value in series)
        {
            if (value < accept)
            {
                tighter = value;
            }
        }

        return tighter;
    }
}
