using System.Globalization;

namespace Quality.Domain.ModelLinkage;

/// <summary>Computes <see cref="ModelCorrelation"/> from a model's evaluations and the audited deliveries. Pure.</summary>
public static class ModelCorrelator
{
    public const string Caution = "An association across versions, not a cause: architecture, data volume and the evaluation set change between versions too.";

    public static ModelCorrelation Correlate(IReadOnlyList<ModelEvaluation> evaluations, IReadOnlyList<TrainingDelivery> audited, ModelMetric metric = ModelMetric.Recall)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(audited);
        var versions = evaluations.OrderBy(e => e.EvaluatedAt).ThenBy(e => e.Version, StringComparer.Ordinal)
            .Select(e => (Evaluation: e, Training: TrainingSet.Of(e, audited))).ToList();
        var name = ModelMetrics.Name(metric);
        var classes = versions.SelectMany(v => v.Evaluation.Classes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => Class(c, versions, metric, name)).ToList();
        return new ModelCorrelation(evaluations.Count > 0 ? evaluations[0].Model : "", name,
            [.. versions.Select(v => new VersionIdentity(v.Evaluation.Version, v.Evaluation.EvaluatedAt, v.Evaluation.EvaluationSet, v.Training.Deliveries.Count))],
            classes, Caution);
    }

    private static ClassCorrelation Class(string name, List<(ModelEvaluation Evaluation, TrainingSet Training)> versions, ModelMetric metric, string metricName)
    {
        var points = versions.Select(v =>
        {
            var errors = v.Training.Errors(name);
            return new CorrelationPoint(v.Evaluation.Version, errors.Gold == 0 ? null : (double)errors.Errors / errors.Gold, errors.Gold,
                v.Evaluation.Classes.GetValueOrDefault(name)?.Of(metric));
        }).ToList();
        var pairs = points.Where(p => p.LabelErrorRate is not null && p.Metric is not null).ToList();
        var (x, y) = (pairs.Select(p => p.LabelErrorRate!.Value).ToList(), pairs.Select(p => p.Metric!.Value).ToList());
        var pearson = PearsonCorrelation.Compute(x, y);
        var spearman = SpearmanCorrelation.Compute(x, y);
        return new ClassCorrelation(name, pairs.Count, points, pearson, spearman, Statement(name, metricName, pearson, spearman));
    }

    private static string Statement(string name, string metric, CorrelationEstimate pearson, CorrelationEstimate spearman)
    {
        var across = $"across {pearson.N} versions";
        if (pearson.Coefficient is not { } r)
        {
            return $"{name}: no correlation {across}: {pearson.UndefinedReason}.";
        }

        var rho = spearman.Coefficient is { } s ? $", Spearman's ρ {F(s)}" : "";
        if (pearson.Ci95 is not [var lower, var upper])
        {
            return $"{name}: Pearson's r {F(r)}{rho} {across} ({pearson.UndefinedReason}).";
        }

        var direction = r < 0 ? "lower" : "higher";
        var strength = upper < 0 || lower > 0
            ? $"versions trained on labels with more {name} errors had {direction} {metric}: the 95% interval excludes 0"
            : "the 95% interval includes 0: no clear association";
        return $"{name}: Pearson's r {F(r)} (95% CI [{F(lower)}, {F(upper)}]){rho} {across}; {strength}. An association, not a cause.";
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
