namespace Quality.Domain.Audit;

/// <summary>
/// A headline figure tracked across deliveries, and what kind of number it is, which decides its control chart:
/// a proportion gets a p chart, a rate per unit a u chart, a continuous figure an individuals chart.
/// </summary>
/// <param name="Name">The metric's id in routes and standards: <c>alpha</c>, <c>gold-error-rate</c>.</param>
/// <param name="Title">What it is in a sentence, the statistic named in full: <c>Krippendorff's alpha of the weakest field (at its level)</c>.</param>
public sealed record MonitoredMetric(string Name, string Title, MetricKind Kind, string Description)
{
    /// <summary>Gold objects an annotator misclassified or missed, over gold objects compared (per gold class too).</summary>
    public static MonitoredMetric GoldErrorRate { get; } = new("gold-error-rate", "gold error rate", MetricKind.Proportion,
        "gold objects misclassified or missed / gold objects compared, over all annotators; per gold class");

    /// <summary>Checked annotations breaking at least one taxonomy rule, over annotations checked (per rule too).</summary>
    public static MonitoredMetric ViolationRate { get; } = new("violation-rate", "taxonomy violation rate", MetricKind.Proportion,
        "annotations breaking at least one taxonomy rule / annotations checked; per rule: annotations breaking it");

    /// <summary>Taxonomy violations per delivered item: a defect rate, so several per item count.</summary>
    public static MonitoredMetric ViolationsPerItem { get; } = new("violations-per-item", "taxonomy violations per item", MetricKind.RatePerUnit,
        "taxonomy violations / items");

    /// <summary>Krippendorff's alpha of the weakest frame-tag field at its level (per field too).</summary>
    public static MonitoredMetric Alpha { get; } = new("alpha", "Krippendorff's alpha of the weakest field (at its level)", MetricKind.Continuous,
        "Krippendorff's alpha of the weakest frame-tag field at its level; per field");

    /// <summary>Mean IoU of the annotators' objects matched to gold (per gold class too).</summary>
    public static MonitoredMetric MeanIou { get; } = new("mean-iou", "mean IoU against gold", MetricKind.Continuous,
        "mean IoU of objects matched to gold; per gold class");

    public static IReadOnlyList<MonitoredMetric> All { get; } = [GoldErrorRate, ViolationRate, ViolationsPerItem, Alpha, MeanIou];

    public static MonitoredMetric? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}
