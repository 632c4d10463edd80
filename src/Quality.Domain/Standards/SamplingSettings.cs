namespace Quality.Domain.Standards;

/// <summary>
/// The audit sampling plan a standard asks for: an ANSI/ASQ Z1.4-style plan (acceptable quality level, inspection
/// level, inspection state) and how the sample is drawn (seed, strata, a floor per stratum, risk weighting).
/// </summary>
/// <param name="Aql">Acceptable quality level in percent nonconforming, one of Z1.4's preferred values (0.010 … 1000).</param>
/// <param name="Level">General inspection level <c>I</c>, <c>II</c>, <c>III</c> or special <c>S-1</c> … <c>S-4</c>.</param>
/// <param name="Inspection"><c>normal</c>, <c>tightened</c> or <c>reduced</c>.</param>
/// <param name="Seed">Seed of the draw; null = the pipeline derives one from the batch, so a re-run draws the same sample.</param>
/// <param name="Strata">Dimensions the sample is stratified by (<c>class</c>, <c>annotator</c>, <c>field</c>), in order.</param>
/// <param name="MinimumPerStratum">Items drawn from every stratum at least (0 = proportional only).</param>
/// <param name="RiskWeighted">Weight items by risk (e.g. vulnerable road users) when drawing.</param>
public sealed record SamplingSettings(
    double Aql, string Level, string Inspection, long? Seed, IReadOnlyList<string> Strata, int MinimumPerStratum, bool RiskWeighted)
{
    /// <summary>The severity a vendor's lots are inspected at before any lot of theirs is decided (<see cref="Inspection"/>, validated when read).</summary>
    public Sampling.InspectionSeverity StartingSeverity =>
        Sampling.InspectionLevelNames.TryParseSeverity(Inspection, out var severity) ? severity : Sampling.InspectionSeverity.Normal;
}
