using Quality.Domain.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Sampling;

/// <summary>
/// A vendor's inspection on a pipeline: the severity its next lot is sampled at, the switching counters, and every decided
/// lot with the rule that switched after it, if any.
/// </summary>
internal sealed record InspectionView(
    string Pipeline,
    string Vendor,
    string Severity,
    bool Discontinued,
    bool ReducedInspectionApproved,
    int SwitchingScore,
    int ConsecutiveAcceptedOnTightened,
    int RejectedOnTightened,
    IReadOnlyList<DecidedLot> Lots)
{
    public static InspectionView From(VendorInspection inspection)
    {
        var state = inspection.State;
        return new(inspection.Pipeline, inspection.Vendor, InspectionLevelNames.Name(state.Severity), state.IsDiscontinued, state.ReducedInspectionApproved,
            state.SwitchingScore, state.ConsecutiveAccepted, state.RejectedOnTightened, inspection.Lots);
    }
}
