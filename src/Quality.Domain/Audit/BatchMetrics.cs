namespace Quality.Domain.Audit;

/// <summary>
/// The headline figures of a batch. <see cref="KrippendorffAlphaNominal"/> is that of the weakest frame-tag field
/// (alphas of different fields cannot be pooled: values of different fields never meet in a unit);
/// <see cref="PercentAgreement"/> is the mean over all tag units of every field.
/// </summary>
public sealed record BatchMetrics(
    long Items,
    long Annotators,
    long Annotations,
    IReadOnlyDictionary<string, long> AnnotationsByRole,
    double KrippendorffAlphaNominal,
    string? WeakestField,
    double PercentAgreement,
    IReadOnlyDictionary<string, FieldAgreement> Fields);

/// <summary>Agreement on one frame-tag field, with the n behind it.</summary>
public sealed record FieldAgreement(long Units, long PairableValues, double KrippendorffAlphaNominal, double PercentAgreement);
