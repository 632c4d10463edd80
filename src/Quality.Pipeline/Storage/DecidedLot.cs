using Quality.Domain.Sampling;

namespace Quality.Pipeline.Storage;

/// <summary>One decided lot of a vendor.</summary>
/// <param name="Number">1-based, in the order the lots were decided.</param>
/// <param name="Batch">The batch (lot) that was sampled.</param>
/// <param name="ReviewBatch">The review delivery that decided it.</param>
/// <param name="Record">How the switching rules took it; null when inspection was discontinued and the lot did not count.</param>
public sealed record DecidedLot(
    int Number, string Batch, string ReviewBatch, DateTimeOffset Decided, AuditPlan Plan, int Reviewed, int Nonconforming, string Decision, InspectionRecord? Record)
{
    public LotOutcome Outcome => new(Nonconforming, Plan.Accept, Plan.Reject);
}
