namespace Quality.Domain.Audit;

// The shapes in which every interface (HTTP API, `quality audit --json`) shows a batch's figures, so they can be
// compared field by field. Undefined statistics (e.g. alpha with no variation) are null, never a made-up number.

/// <summary>How much a batch holds.</summary>
public sealed record CountsView(long Items, long Annotators, long Annotations, IReadOnlyDictionary<string, long> AnnotationsByRole)
{
    public static CountsView? From(BatchMetrics? m) =>
        m is null ? null : new(m.Items, m.Annotators, m.Annotations, m.AnnotationsByRole);
}

/// <summary>Headline agreement (alpha of the weakest field; percent agreement over all tag units) and per field.</summary>
public sealed record AgreementView(
    double? KrippendorffAlphaNominal,
    string? WeakestField,
    double? PercentAgreement,
    IReadOnlyDictionary<string, FieldAgreementView> Fields)
{
    public static AgreementView? From(BatchMetrics? m) => m is null ? null : new(
        Defined(m.KrippendorffAlphaNominal),
        m.WeakestField,
        Defined(m.PercentAgreement),
        m.Fields.ToDictionary(f => f.Key, f => new FieldAgreementView(
            f.Value.Units, f.Value.PairableValues, Defined(f.Value.KrippendorffAlphaNominal), Defined(f.Value.PercentAgreement)), StringComparer.Ordinal));

    public static double? Defined(double value) => double.IsNaN(value) ? null : value;
}

public sealed record FieldAgreementView(long Units, long PairableValues, double? KrippendorffAlphaNominal, double? PercentAgreement);
