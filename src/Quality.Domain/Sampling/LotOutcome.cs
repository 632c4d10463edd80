namespace Quality.Domain.Sampling;

/// <summary>What the inspection of one lot found, under the plan (Ac, Re) it was inspected with.</summary>
/// <param name="Nonconforming">d: nonconforming items found in the sample.</param>
/// <param name="ProductionIrregular">Production became irregular or delayed (ends reduced inspection).</param>
public readonly record struct LotOutcome(int Nonconforming, int Accept, int Reject, bool ProductionIrregular = false)
{
    /// <summary>d &lt; Re: accepted (in reduced inspection also when Ac &lt; d &lt; Re).</summary>
    public bool Accepted => Nonconforming < Reject;

    public static LotOutcome Of(SamplingPlan plan, int nonconforming, bool productionIrregular = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new LotOutcome(nonconforming, plan.Accept, plan.Reject, productionIrregular);
    }
}
