namespace Quality.Domain.Standards;

/// <summary>
/// The JSON form of a standard (what <c>GET …/standards/{name}@{version}</c> returns): the document's structure with
/// plain strings and numbers, rules in document order with their readable <see cref="StandardRule.Description"/>.
/// The document as written is <see cref="QualityStandard.Yaml"/>.
/// </summary>
/// <param name="Matching">IoU thresholds: the default τ and τ per class; null when the standard sets none.</param>
public sealed record StandardView(
    string Name, string Version, string Reference, string? Description, IReadOnlyList<StandardRule> Rules, IouThresholdsView? Matching,
    IReadOnlyList<string> Agreement, SpcSettings? Spc, SamplingSettings? Sampling)
{
    public static StandardView From(QualityStandard standard)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return new StandardView(
            standard.Name, standard.Version.ToString(), standard.Reference, standard.Description, standard.Rules,
            standard.Matching is { } m ? new IouThresholdsView(m.Default, m.ByClass) : null,
            standard.Agreement, standard.Spc, standard.Sampling);
    }
}
