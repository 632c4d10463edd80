namespace Quality.Domain.ModelLinkage;

/// <summary>
/// Across a model's versions, per class: the label error rate of each version's training data against the version's
/// metric, with Pearson's r (Fisher's z 95% interval) and Spearman's ρ. <c>GET /api/models/{model}/correlation</c>
/// and <c>quality models correlate --json</c>. An association across versions, not a cause: other things change
/// between versions too (architecture, data volume, the evaluation set).
/// </summary>
/// <param name="Versions">Every version read, oldest evaluation first.</param>
public sealed record ModelCorrelation(string Model, string Metric, IReadOnlyList<VersionIdentity> Versions, IReadOnlyList<ClassCorrelation> Classes, string Caution);

/// <summary>One class: the pairs (n = versions with both figures), the coefficients and a statement in words.</summary>
public sealed record ClassCorrelation(string Class, int N, IReadOnlyList<CorrelationPoint> Points, CorrelationEstimate Pearson, CorrelationEstimate Spearman, string Statement);

/// <summary>A version's training label error rate for the class (gold errors pooled over its training deliveries) and its metric.</summary>
public sealed record CorrelationPoint(string Version, double? LabelErrorRate, long Gold, double? Metric);
