using Quality.Domain.Audit;

namespace Quality.Domain.Sampling;

/// <summary>A <see cref="LotDisposition"/> as reports show it: undefined figures are null, intervals are [low, high].</summary>
/// <param name="SampleRate">d / reviewed with its exact (Clopper–Pearson) 95% interval.</param>
/// <param name="PopulationRate">The lot's design-weighted error rate with its normal 95% interval; why not, when undefined.</param>
public sealed record LotDispositionView(
    AuditPlan Plan,
    int Sampled,
    int Reviewed,
    int Nonconforming,
    string Decision,
    LotRateView SampleRate,
    LotRateView PopulationRate,
    IReadOnlyList<UnitReview> Units,
    IReadOnlyList<string> NotReviewed)
{
    public static LotDispositionView From(LotDisposition lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var weighted = lot.PopulationRate;
        return new LotDispositionView(
            lot.Plan,
            lot.Sampled,
            lot.Reviewed,
            lot.Nonconforming,
            lot.Decision,
            new LotRateView(AgreementView.Defined(lot.SampleRate.Value), null, AgreementView.Interval(lot.SampleRate.Lower, lot.SampleRate.Upper), "clopper-pearson",
                lot.Reviewed == 0 ? "no unit was reviewed" : null),
            new LotRateView(AgreementView.Defined(weighted.Rate), AgreementView.Defined(weighted.StandardError), AgreementView.Interval(weighted.Lower, weighted.Upper),
                "stratified-hajek", weighted.NotDefinedReason),
            lot.Units,
            lot.NotReviewed);
    }
}
