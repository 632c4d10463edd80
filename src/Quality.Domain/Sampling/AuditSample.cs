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
