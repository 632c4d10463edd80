namespace Quality.Domain.Sampling;

/// <summary>
/// The review sample of one delivery (a lot): the acceptance plan it is dispositioned by, and every unit drawn with its
/// stratum and inclusion probability — enough to redraw it (seed, frame) and to weight its review. Stored as the
/// batch's <c>sample.json</c> and printed by <c>quality sample</c>.
/// </summary>
/// <param name="LotSize">Units in the delivery (annotator × item), the N the plan is chosen for.</param>
/// <param name="StrataBy">The stratum dimensions, in order (<c>class</c>, <c>annotator</c>).</param>
/// <param name="Size">Units drawn: the plan's sample size, raised to the sum of the per-stratum minimums, at most the lot.</param>
public sealed record AuditSample(
    string Seed,
    string Method,
    long LotSize,
    IReadOnlyList<string> StrataBy,
    int MinimumPerStratum,
    bool RiskWeighted,
    AuditPlan Plan,
    int Size,
    IReadOnlyList<StratumSample> Strata,
    IReadOnlyList<AuditSampleItem> Items)
{
    /// <summary>The sample as <see cref="StratifiedErrorRate"/> weights it.</summary>
    public SampleManifest ToManifest() =>
        new(Seed, Method, Size, Strata, [.. Items.Select(i => new SampledItem(i.Unit, i.Stratum, i.InclusionProbability))]);
}

/// <summary>The single sampling plan of the lot under its inspection state (<see cref="SamplingPlan"/> with the standard's names).</summary>
/// <param name="Level">As the standard prints it: <c>I</c>, <c>II</c>, <c>III</c>, <c>S-1</c> … <c>S-4</c>.</param>
/// <param name="Inspection"><c>normal</c>, <c>tightened</c> or <c>reduced</c>.</param>
public sealed record AuditPlan(
    double Aql, string Level, string Inspection, string CodeLetter, string PlanLetter, int SampleSize, int Accept, int Reject, bool InspectsWholeLot)
{
    public static AuditPlan From(SamplingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new AuditPlan(plan.Aql, InspectionLevelNames.Name(plan.Level), InspectionLevelNames.Name(plan.Severity),
            plan.CodeLetter.ToString(), plan.PlanLetter.ToString(), plan.SampleSize, plan.Accept, plan.Reject, plan.InspectsWholeLot);
    }
}

/// <summary>One drawn unit: which annotator's labels on which item, its stratum, its inclusion probability π (design weight 1/π).</summary>
/// <param name="Unit">The unit id (<see cref="ReviewUnit.Id"/>) the selection key was computed from.</param>
/// <param name="Agreement">The unit's agreement with the item's other annotators; null when no one else labeled it.</param>
public sealed record AuditSampleItem(string Unit, string Item, string Annotator, string Stratum, double InclusionProbability, double? Agreement);
