using Quality.Domain.Sampling;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Sampling;

/// <summary>
/// The decision on a lot as <c>GET /api/batches/{id}/disposition</c> shows it, for the reviewed batch and for the review.
/// </summary>
/// <param name="Batch">The reviewed batch (the lot).</param>
/// <param name="ReviewBatch">The review delivery.</param>
/// <param name="UnsampledItems">Items the review labeled that were not in the sample: not counted.</param>
/// <param name="Lot">The lot as the vendor's inspection recorded it; null while the decision is incomplete.</param>
/// <param name="AlreadyDecided">The lot had been decided by an earlier review; this one did not move the inspection state.</param>
public sealed record LotDecision(
    string Batch,
    string ReviewBatch,
    string? Standard,
    LotDispositionView Disposition,
    IReadOnlyList<string> UnsampledItems,
    DecidedLot? Lot,
    bool AlreadyDecided,
    InspectionSummary? Inspection);
