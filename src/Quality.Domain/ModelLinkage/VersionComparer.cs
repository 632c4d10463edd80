using System.Globalization;
using Quality.Domain.Audit;
using Quality.Domain.Matching;

namespace Quality.Domain.ModelLinkage;

/// <summary>
/// Compares two versions of a model against the label quality of the training data that changed between them. Pure:
/// the same evaluations and audits give the same comparison, whether the audits come from storage or from files.
/// </summary>
/// <remarks>
/// The ranking (docs/formats/model-evaluation.md, "How classes are ranked"): a class is <see cref="LabelExplanation.Explained"/>
/// when its metric fell and the gold error rate of the deliveries added to the training data exceeds that of the
/// earlier version's training data with the Newcombe hybrid score 95% interval of the difference above 0;
/// <see cref="LabelExplanation.NotSignificant"/> when it fell and the rate rose without that; <see cref="LabelExplanation.NotExplained"/>
/// when it fell otherwise; <see cref="LabelExplanation.NoDrop"/> when it did not fall. Within the first two tiers classes
/// are ordered by the rise in error rate, largest first; within the others by the metric's change, largest drop first;
/// then by name. An association in the data a version was trained on, not a proof of cause: the wording says so.
/// </remarks>
public static class VersionComparer
{
    public static VersionComparison Compare(ModelEvaluation from, ModelEvaluation to, IReadOnlyList<TrainingDelivery> audited, ModelMetric metric = ModelMetric.Recall)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(audited);
        var before = TrainingSet.Of(from, audited);
        var after = TrainingSet.Of(to, audited);
        var added = after.Deliveries.Where(d => !before.Deliveries.Any(b => TrainingSet.Same(b, d))).ToList();
        var removed = before.Deliveries.Where(d => !after.Deliveries.Any(a => TrainingSet.Same(a, d))).ToList();

        var classes = from.Classes.Keys.Concat(to.Classes.Keys).Distinct(StringComparer.Ordinal)
            .Select(c => Class(c, from, to, before, added, metric)).ToList();
        var ranked = classes
            .OrderBy(c => c.Explanation)
            .ThenBy(c => c.Explanation <= LabelExplanation.NotSignificant ? -(c.LabelErrors.Difference ?? 0) : c.Metrics[ModelMetrics.Name(metric)].Delta ?? double.MaxValue)
            .ThenBy(c => c.Class, StringComparer.Ordinal)
            .Select((c, i) => c with { Rank = i + 1 })
            .ToList();

        return new VersionComparison(
            to.Model,
            Identity(from, before),
            Identity(to, after),
            ModelMetrics.Name(metric),
            VerdictSentence(ranked, from, to, added.Count, metric),
            new TrainingChange([.. added.Select(Summary)], [.. removed.Select(Summary)], [.. before.NotFound.Concat(after.NotFound).Distinct(StringComparer.Ordinal)]),
            ranked);
    }

    /// <summary>Pooled gold errors over every class as an <see cref="ErrorRate"/> with its Wilson interval.</summary>
    public static ErrorRate Rate(ClassLabelErrors errors)
    {
        var wilson = WilsonScoreInterval.Compute(errors.Errors, errors.Gold);
        return new ErrorRate(errors.Errors, errors.Missed, errors.Misclassified, errors.Gold,
            errors.Gold == 0 ? null : AgreementView.Defined(wilson.Value), errors.Gold == 0 ? null : AgreementView.Interval(wilson.Lower, wilson.Upper));
    }

    private static VersionIdentity Identity(ModelEvaluation evaluation, TrainingSet training) =>
        new(evaluation.Version, evaluation.EvaluatedAt, evaluation.EvaluationSet, training.Deliveries.Count);

    private static DeliverySummary Summary(TrainingDelivery d)
    {
        var all = d.Classes.Values.Aggregate(default(ClassLabelErrors), (sum, e) => sum.Add(e));
        return new DeliverySummary(d.Pipeline, d.Vendor, d.DeliveryId, d.Date, d.BatchId, d.Verdict?.ToString(), all.Gold, all.Errors,
            all.Gold == 0 ? null : (double)all.Errors / all.Gold, d.Agreement);
    }

    private static ClassComparison Class(string name, ModelEvaluation from, ModelEvaluation to, TrainingSet before, List<TrainingDelivery> added, ModelMetric metric)
    {
        var a = from.Classes.GetValueOrDefault(name);
        var b = to.Classes.GetValueOrDefault(name);
        var metrics = Enum.GetValues<ModelMetric>().ToDictionary(ModelMetrics.Name, m => Change(m, a, b), StringComparer.Ordinal);
        var (old, fresh) = (before.Errors(name), TrainingSet.Pooled(added, name));
        var difference = NewcombeDifferenceInterval.Compute(fresh.Errors, fresh.Gold, old.Errors, old.Gold);
        var labels = new LabelErrorChange(Rate(old), Rate(fresh), AgreementView.Defined(difference.Value), AgreementView.Interval(difference.Lower, difference.Upper));
        var (tier, reason) = Explain(name, metrics[ModelMetrics.Name(metric)], labels, ModelMetrics.Name(metric), difference, added.Count);
        return new ClassComparison(name, 0, tier, reason, metrics, labels,
            [.. added.Where(d => d.Classes.TryGetValue(name, out var e) && e.Gold > 0)
                .Select(d => (d, e: d.Classes[name]))
                .OrderByDescending(x => (double)x.e.Errors / x.e.Gold).ThenBy(x => x.d.DeliveryId, StringComparer.Ordinal)
                .Select(x => new ClassDeliveryErrors(x.d.DeliveryId, x.d.Verdict?.ToString(), x.e.Gold, x.e.Missed, x.e.Misclassified, (double)x.e.Errors / x.e.Gold))],
            [.. added.SelectMany(d => d.Findings).Where(f => f.Classes.Count == 0 || f.Classes.Contains(name, StringComparer.Ordinal)).Distinct()]);
    }

    private static MetricChange Change(ModelMetric metric, ClassMetrics? a, ClassMetrics? b)
    {
        var (x, y) = (a?.Of(metric), b?.Of(metric));
        if (x is not { } before || y is not { } after)
        {
            return new MetricChange(x, y, null, null, "not in both versions");
        }

        if (metric != ModelMetric.Recall)
        {
            return new MetricChange(before, after, after - before, null,
                metric == ModelMetric.Ap ? "average precision is not a proportion of counted objects" : "the number of detections, precision's denominator, is not given");
        }

        if (a!.Objects is not ({ } n1 and > 0) || b!.Objects is not ({ } n2 and > 0))
        {
            return new MetricChange(before, after, after - before, null, "the evaluation objects of the class are not given for both versions");
        }

        // Recall is detected/objects: the counts are recovered by rounding, then Newcombe's interval of (to − from).
        var ci = NewcombeDifferenceInterval.Compute((long)Math.Round(after * n2), n2, (long)Math.Round(before * n1), n1);
        return new MetricChange(before, after, after - before, AgreementView.Interval(ci.Lower, ci.Upper), null);
    }

    private static (LabelExplanation, string) Explain(string name, MetricChange change, LabelErrorChange labels, string metric, RateEstimate difference, int addedDeliveries)
    {
        if (change.Delta is not (< 0 and var delta))
        {
            return (LabelExplanation.NoDrop, change.Delta is null ? $"{metric} is not in both versions" : $"{metric} did not fall ({Signed(change.Delta.Value)})");
        }

        var fell = $"{metric} fell {Figure(change.From)} → {Figure(change.To)} ({Signed(delta)})";
        if (addedDeliveries == 0)
        {
            return (LabelExplanation.NotExplained, $"{fell}, but no audited delivery was added to the training data");
        }

        if (labels.Added.Gold == 0 || labels.Before.Gold == 0)
        {
            return (LabelExplanation.NotExplained, $"{fell}; no gold {name} objects {(labels.Added.Gold == 0 ? "in the added deliveries" : "in the earlier training data")} to compare label errors");
        }

        var rise = $"error rate {Percent(labels.Before.Rate)} → {Percent(labels.Added.Rate)} ({Points(difference.Value)}, 95% CI [{Points(difference.Lower)}, {Points(difference.Upper)}])";
        return difference.Lower > 0 ? (LabelExplanation.Explained, $"{fell} and the added training labels' {rise}: a significant rise")
            : difference.Value > 0 ? (LabelExplanation.NotSignificant, $"{fell}; the added training labels' {rise}: the rise could be chance")
            : (LabelExplanation.NotExplained, $"{fell}, but the added training labels are no worse: {rise}");
    }

    private static string VerdictSentence(IReadOnlyList<ClassComparison> ranked, ModelEvaluation from, ModelEvaluation to, int added, ModelMetric metric)
    {
        var name = ModelMetrics.Name(metric);
        var explained = ranked.Where(c => c.Explanation == LabelExplanation.Explained).ToList();
        var fell = ranked.Count(c => c.Explanation != LabelExplanation.NoDrop);
        var versions = $"{to.Model} {from.Version} → {to.Version}";
        if (explained.Count == 0)
        {
            return fell == 0
                ? $"{versions}: no class's {name} fell."
                : $"{versions}: {fell} {(fell == 1 ? "class's" : "classes'")} {name} fell, and no drop goes with a significant rise in the label errors of the {added} deliveries added to the training data.";
        }

        var top = explained[0];
        var m = top.Metrics[name];
        var others = explained.Count > 1 ? $" {explained.Count - 1} more {(explained.Count == 2 ? "class shows" : "classes show")} the same pattern." : "";
        return $"{versions}: {top.Class} ranks first — {name} {Figure(m.From)} → {Figure(m.To)} ({Signed(m.Delta!.Value)}) while the {added} deliveries added to the training data "
            + $"miss or misclassify {Percent(top.LabelErrors.Added.Rate)} of gold {top.Class} objects against {Percent(top.LabelErrors.Before.Rate)} before "
            + $"({Points(top.LabelErrors.Difference!.Value)}); the drop is associated with the new labels' errors, which is not proof that they caused it.{others}";
    }

    internal static string Figure(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "undefined";

    internal static string Signed(double value) => value.ToString("+0.000;−0.000;0.000", CultureInfo.InvariantCulture);

    internal static string Percent(double? rate) => rate is { } r ? (100 * r).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "undefined";

    internal static string Points(double difference) => (100 * difference).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " points";
}
