namespace Quality.Domain.Sampling;

/// <summary>A single sampling plan for one lot: draw <see cref="SampleSize"/> items, accept with at most <see cref="Accept"/> nonconforming.</summary>
/// <param name="CodeLetter">The Table I letter of the lot size and level.</param>
/// <param name="PlanLetter">The letter whose plan was used: differs from <see cref="CodeLetter"/> when the table's cell is an arrow.</param>
/// <param name="SampleSize">The plan's sample size, or the lot size when the plan asks for more items than the lot has.</param>
/// <param name="Accept">Ac: accept the lot with this many nonconforming items or fewer.</param>
/// <param name="Reject">Re: reject with this many or more. In reduced inspection Re may exceed Ac + 1; in between, accept and return to normal.</param>
/// <param name="InspectsWholeLot">The plan's sample is at least the lot: inspect every item (100% inspection).</param>
public sealed record SamplingPlan(
    long LotSize,
    double Aql,
    InspectionLevel Level,
    InspectionSeverity Severity,
    char CodeLetter,
    char PlanLetter,
    int SampleSize,
    int Accept,
    int Reject,
    bool InspectsWholeLot);
