namespace Quality.Domain.Audit;

/// <summary>
/// The figures a completed batch adds to its pipeline's monitored series (<see cref="MonitoredMetric"/>): each
/// headline figure for the batch as a whole and per class, field or rule. A figure that is undefined for the batch
/// (no gold, no tag fields, no taxonomy checked) is left out rather than recorded as a made-up number.
/// </summary>
public static class SeriesFigures
{
    public static IReadOnlyList<SeriesFigure> Of(BatchAuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<SeriesFigure>();
        AddGold(result.Spatial, figures);
        if (result.Violations is { AnnotationsChecked: > 0 } violations)
        {
            figures.Add(new(MonitoredMetric.ViolationRate.Name, null, violations.AnnotationsViolating, violations.AnnotationsChecked, null));
            foreach (var rule in violations.Counts().GroupBy(c => c.Rule, StringComparer.Ordinal))
            {
                figures.Add(new(MonitoredMetric.ViolationRate.Name, rule.Key, rule.Sum(c => c.Annotations), violations.AnnotationsChecked, null));
            }

            if (result.Metrics.Items > 0)
            {
                figures.Add(new(MonitoredMetric.ViolationsPerItem.Name, null, violations.Violations, result.Metrics.Items, null));
            }
        }

        if (!double.IsNaN(result.Metrics.KrippendorffAlpha))
        {
            figures.Add(new(MonitoredMetric.Alpha.Name, null, null, null, result.Metrics.KrippendorffAlpha));
        }

        foreach (var (field, agreement) in result.Metrics.Fields)
        {
            if (!double.IsNaN(agreement.KrippendorffAlpha))
            {
                figures.Add(new(MonitoredMetric.Alpha.Name, field, null, null, agreement.KrippendorffAlpha));
            }
        }

        return figures;
    }

    private static void AddGold(SpatialAudit spatial, List<SeriesFigure> figures)
    {
        if (spatial.AgainstGoldByAnnotator.Count == 0)
        {
            return;
        }

        var pooled = spatial.Pooled();
        AddGoldFigures(null, pooled.Overall(), figures);
        foreach (var objectClass in pooled.Classes)
        {
            AddGoldFigures(objectClass, pooled.Score(objectClass), figures);
        }
    }

    private static void AddGoldFigures(string? objectClass, Matching.DetectionScore score, List<SeriesFigure> figures)
    {
        var compared = score.TruePositives + score.FalseNegatives;
        if (compared > 0)
        {
            figures.Add(new(MonitoredMetric.GoldErrorRate.Name, objectClass, score.FalseNegatives, compared, null));
        }

        if (!double.IsNaN(score.MeanSimilarity))
        {
            figures.Add(new(MonitoredMetric.MeanIou.Name, objectClass, null, null, score.MeanSimilarity));
        }
    }
}
