namespace Quality.Domain.ModelLinkage;

/// <summary>
/// Two versions of a model side by side: per class the metric deltas beside the label quality of the training data
/// added between them, classes ranked by how well label quality explains a drop (<see cref="LabelExplanation"/>),
/// and a verdict sentence. <c>GET /api/models/{model}/compare</c> and <c>quality models compare --json</c>.
/// </summary>
/// <param name="Metric">The metric whose drop the ranking is about (recall unless asked otherwise).</param>
/// <param name="Verdict">One sentence for a program lead: the top-ranked class and its figures, or that none is explained.</param>
public sealed record VersionComparison(
    string Model,
    VersionIdentity From,
    VersionIdentity To,
    string Metric,
    string Verdict,
    TrainingChange Training,
    IReadOnlyList<ClassComparison> Classes);

/// <summary>A version as a comparison names it: what it was evaluated on and trained on.</summary>
public sealed record VersionIdentity(string Version, DateTimeOffset EvaluatedAt, EvaluationSet EvaluationSet, int TrainingDeliveries);

/// <summary>
/// What changed in the training data: the deliveries in <c>to</c>'s not in <c>from</c>'s (and the reverse), and the
/// deliveries the versions name that no audit was found for (their labels cannot be judged).
/// </summary>
public sealed record TrainingChange(IReadOnlyList<DeliverySummary> Added, IReadOnlyList<DeliverySummary> Removed, IReadOnlyList<string> NotFound);

/// <summary>A training delivery's label quality in brief: verdict, gold errors over all classes, agreement.</summary>
public sealed record DeliverySummary(
    string Pipeline, string? Vendor, string DeliveryId, DateOnly? Date, string? BatchId, string? Verdict, long GoldObjects, long Errors, double? ErrorRate, double? Agreement);

/// <summary>One class: its metrics in both versions, its label error rates before and in the added data, and its rank.</summary>
/// <param name="Rank">1 is the class whose drop label quality explains best.</param>
/// <param name="Reason">Why the class sits in its tier, in words.</param>
/// <param name="Deliveries">The added deliveries with gold objects of the class, highest error rate first.</param>
/// <param name="Findings">Failed rules and open findings of the added deliveries that name the class (or every class).</param>
public sealed record ClassComparison(
    string Class,
    int Rank,
    LabelExplanation Explanation,
    string Reason,
    IReadOnlyDictionary<string, MetricChange> Metrics,
    LabelErrorChange LabelErrors,
    IReadOnlyList<ClassDeliveryErrors> Deliveries,
    IReadOnlyList<LabelFinding> Findings);

/// <summary>
/// A metric in both versions and its change; for recall with the evaluation objects of both versions known, the
/// Newcombe hybrid score 95% interval of the change (recall is a proportion of those objects).
/// </summary>
public sealed record MetricChange(double? From, double? To, double? Delta, double[]? DeltaCi95, string? CiUndefinedReason);

/// <summary>
/// A class's gold error rate (missed or misclassified per gold object) in <c>from</c>'s training data and in the
/// deliveries added for <c>to</c>, each with its Wilson 95% interval, and the difference (added − before) with the
/// Newcombe hybrid score 95% interval.
/// </summary>
public sealed record LabelErrorChange(ErrorRate Before, ErrorRate Added, double? Difference, double[]? DifferenceCi95);

/// <summary>Errors over gold objects, with the rate and its Wilson 95% interval (null without gold objects).</summary>
public sealed record ErrorRate(long Errors, long Missed, long Misclassified, long Gold, double? Rate, double[]? Ci95);

/// <summary>One added delivery's errors on a class.</summary>
public sealed record ClassDeliveryErrors(string DeliveryId, string? Verdict, long Gold, long Missed, long Misclassified, double? ErrorRate);

/// <summary>
/// The tiers of the ranking (docs/formats/model-evaluation.md, "How classes are ranked"), best explained first.
/// </summary>
public enum LabelExplanation
{
    /// <summary>The metric fell and the added training labels' error rate rose: its Newcombe 95% interval lies above 0.</summary>
    Explained,

    /// <summary>The metric fell and the error rate rose, but its interval includes 0.</summary>
    NotSignificant,

    /// <summary>The metric fell; the added labels are no worse, or there is no gold to tell.</summary>
    NotExplained,

    /// <summary>The metric did not fall (or is not in both versions).</summary>
    NoDrop,
}
