using Quality.Domain.Matching;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Standards;

/// <summary>
/// A validated quality standard version for one pipeline (<c>name@major.minor.patch</c>): the threshold rules a batch
/// is judged by, and the matching, agreement, SPC and sampling settings the pipeline audits it with. Built only by
/// <see cref="StandardDocument.Parse"/>, which keeps the document's text in <see cref="Yaml"/> so the standard can be
/// stored and shown exactly as written.
/// </summary>
public sealed class QualityStandard
{
    internal QualityStandard(string name, SemanticVersion version, IReadOnlyList<StandardRule> rules, string yaml)
    {
        Name = name;
        Version = version;
        Rules = rules;
        Yaml = yaml;
    }

    /// <summary>The pipeline (data type) the standard applies to, e.g. <c>front-lidar-cuboids</c>.</summary>
    public string Name { get; }

    public SemanticVersion Version { get; }

    /// <summary><c>name@version</c>: what every verdict records.</summary>
    public string Reference => $"{Name}@{Version}";

    public string? Description { get; init; }

    /// <summary>The rules in document order.</summary>
    public IReadOnlyList<StandardRule> Rules { get; }

    /// <summary>IoU thresholds τ for matching objects, per class; null when the standard leaves matching to the pipeline.</summary>
    public MatchingThresholds? Matching { get; init; }

    /// <summary>The agreement statistics that apply (<c>krippendorff-alpha</c>, <c>fleiss-kappa</c>, …); empty = all.</summary>
    public IReadOnlyList<string> Agreement { get; init; } = [];

    /// <summary>Whether the agreement statistic applies: listed in <see cref="Agreement"/>, or no list was given.</summary>
    public bool Applies(string statistic) => Agreement.Count == 0 || Agreement.Contains(statistic, StringComparer.Ordinal);

    /// <summary>
    /// Whether a batch judged by this standard is also judged on <paramref name="metric"/>'s control chart: a metric that is
    /// an agreement statistic (<c>alpha</c> is Krippendorff's) only when the statistic applies; every other metric always.
    /// A process signal raises a finding, which makes a verdict "accepted with findings", so a standard that names
    /// other statistics (Gwet's AC1 for skewed fields, say) is not held to an alpha chart it does not accept.
    /// </summary>
    public bool Monitors(Audit.MonitoredMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return StandardMetric.Find(metric.Name)?.Statistic is not { } statistic || Applies(statistic);
    }

    /// <summary>SPC settings; null when the standard sets none.</summary>
    public SpcSettings? Spc { get; init; }

    /// <summary>The audit sampling plan; null when the standard sets none.</summary>
    public SamplingSettings? Sampling { get; init; }

    /// <summary>The document as written; parsing it again gives this standard.</summary>
    public string Yaml { get; }

    public override string ToString() => Reference;
}
