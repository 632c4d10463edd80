using Quality.Domain.Agreement;

namespace Quality.Domain.Audit;

/// <summary>
/// The headline figures of a batch. <see cref="KrippendorffAlpha"/> is that of the weakest frame-tag field at its
/// level, named by <see cref="WeakestField"/> (alphas of different fields cannot be pooled: values of different fields
/// never meet in a unit); <see cref="KrippendorffAlphaNominal"/> is the lowest nominal alpha of any field;
/// <see cref="PercentAgreement"/> is the mean over all pairable tag units of every field.
/// </summary>
public sealed record BatchMetrics(
    long Items,
    long Annotators,
    long Annotations,
    IReadOnlyDictionary<string, long> AnnotationsByRole,
    double KrippendorffAlphaNominal,
    string? WeakestField,
    double PercentAgreement,
    IReadOnlyDictionary<string, FieldAgreement> Fields)
{
    public double KrippendorffAlpha { get; init; } = double.NaN;

    /// <summary>Why the headline alphas are NaN, knowing they are: no field, or no field whose alpha is defined.</summary>
    public string WhyAlphaUndefined() => Fields.Count == 0 ? "the batch has no frame-tag field" : "no field has a defined alpha";
}

/// <summary>
/// Agreement on one frame-tag field, with the n behind it: alpha at the field's level with its bootstrap 95% interval,
/// and nominal alpha and percent agreement whatever the level.
/// </summary>
public sealed record FieldAgreement(long Units, long PairableValues, double KrippendorffAlphaNominal, double PercentAgreement)
{
    public MeasurementLevel Level { get; init; }

    public double KrippendorffAlpha { get; init; } = double.NaN;

    public double AlphaLower { get; init; } = double.NaN;

    public double AlphaUpper { get; init; } = double.NaN;
}

/// <summary>What <see cref="BatchAudit.Finish"/> yields: the headline figures and every field's full suite.</summary>
public sealed record BatchAuditResult(BatchMetrics Metrics, IReadOnlyDictionary<string, FieldAgreementSuite> Suites, SpatialAudit Spatial)
{
    /// <summary>Taxonomy violations; null when no taxonomy was checked.</summary>
    public Taxonomy.ViolationTally? Violations { get; init; }

    /// <summary>Frame tags against gold; empty when no item has a gold tag.</summary>
    public Tags.TagGoldAudit TagGold { get; init; } = new();
}
