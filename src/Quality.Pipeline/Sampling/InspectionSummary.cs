using Quality.Domain.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Sampling;

/// <summary>The vendor's inspection state after the lot: the severity the next lot is sampled at.</summary>
public sealed record InspectionSummary(string Severity, bool Discontinued, int SwitchingScore, int LotsDecided)
{
    public static InspectionSummary From(VendorInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return new(InspectionLevelNames.Name(inspection.State.Severity), inspection.State.IsDiscontinued, inspection.State.SwitchingScore, inspection.Lots.Count);
    }
}
