using Quality.Domain.Sampling;

namespace Quality.Pipeline.Storage;

/// <summary>Where a vendor's lots on a pipeline stand: the state the next lot is sampled under, and every decided lot.</summary>
public sealed record VendorInspection(string Pipeline, string Vendor, InspectionState State, IReadOnlyList<DecidedLot> Lots);
