using Quality.Domain.Audit;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Standards;

/// <summary>
/// A figure a standard's rule can bound: what its subject key is (<c>field</c>, <c>class</c>, <c>rule</c>), the range
/// of its values, which way is better, and what its n counts. Adding a metric here and to
/// <see cref="BatchMeasurements.Of"/> is all a new one needs.
/// </summary>
/// <param name="WhenAbsent">Why a batch may have no such measurement, for the verdict's statement.</param>
/// <param name="Statistic">The <c>agreement:</c> statistic the metric is, for agreement metrics; null otherwise.</param>
/// <param name="Subjects">The subjects a rule may name, when they are a fixed set (taxonomy rule ids).</param>
internal sealed record StandardMetric(
    string Name, string? SubjectKey, double Low, double High, bool HigherIsBetter, string Unit, string WhenAbsent,
    string? Statistic = null, IReadOnlyList<string>? Subjects = null)
{
    private const string NoRatings = "no unit of the field was rated by two annotators, or the statistic is undefined";
    private const string NoGold = "no gold comparison for it (no gold in the batch, or none of the class), or the figure is undefined";
    private const string NoGoldTags = "no gold tag of the field (no gold tags in the batch), or the figure is undefined";

    /// <summary>
    /// Agreement is measured per field and cannot be pooled across fields, so a rule that names no field holds for
    /// every field and is judged on the one that fares worst.
    /// </summary>
    public bool IsPerField => SubjectKey == "field";

    public static IReadOnlyList<StandardMetric> All { get; } =
    [
        new(MonitoredMetric.Alpha.Name, "field", -1, 1, HigherIsBetter: true, "units", NoRatings, "krippendorff-alpha"),
        new("percent-agreement", "field", 0, 1, HigherIsBetter: true, "units", NoRatings, "percent-agreement"),
        new("fleiss-kappa", "field", -1, 1, HigherIsBetter: true, "units", NoRatings + " (nominal and ordinal fields only)", "fleiss-kappa"),
        new("gwet-ac1", "field", -1, 1, HigherIsBetter: true, "units", NoRatings + " (nominal and ordinal fields only)", "gwet-ac1"),
        new("gold-f1", "class", 0, 1, HigherIsBetter: true, "objects", NoGold),
        new("gold-precision", "class", 0, 1, HigherIsBetter: true, "objects", NoGold),
        new("gold-recall", "class", 0, 1, HigherIsBetter: true, "gold objects", NoGold),
        new(MonitoredMetric.GoldErrorRate.Name, "class", 0, 1, HigherIsBetter: false, "gold objects", NoGold),
        new(MonitoredMetric.MeanIou.Name, "class", 0, 1, HigherIsBetter: true, "matched pairs", NoGold),
        new("tag-accuracy", "field", 0, 1, HigherIsBetter: true, "gold items compared", NoGoldTags),
        new("tag-kappa", "field", -1, 1, HigherIsBetter: true, "gold items tagged", NoGoldTags),
        new(MonitoredMetric.ViolationRate.Name, "rule", 0, 1, HigherIsBetter: false, "annotations checked",
            "no annotation was checked against a taxonomy", Subjects: [.. TaxonomyRules.All.Select(r => r.Rule)]),
    ];

    public static StandardMetric? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>What a rule on this metric is about: <c>alpha(weather)</c>, <c>alpha(every field)</c>, <c>gold-f1(all classes)</c>.</summary>
    public string Target(string? subject) => $"{Name}({subject ?? (IsPerField ? "every field" : SubjectKey is null ? "batch" : "all " + Plural)})";

    private string Plural => SubjectKey switch
    {
        "class" => "classes",
        "rule" => "rules",
        _ => SubjectKey + "s",
    };
}
