using Quality.Domain.Agreement.Kappa;
using Quality.Domain.Audit;
using Quality.Domain.Matching;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Standards;

/// <summary>
/// The measurements of one batch a standard is evaluated on, at most one per metric and subject. <see cref="Of"/> reads
/// them off a finished <see cref="BatchAuditResult"/>; tests and other callers may build them by hand.
/// </summary>
/// <remarks>
/// From the audit: per frame-tag field, Krippendorff's alpha with its bootstrap percentile interval, Fleiss' kappa and
/// Gwet's AC1 with their standard-error intervals, and percent agreement (no interval), n = pairable units. Against
/// gold, overall (subject null) and per class: precision, recall (Wilson), F1 (Wilson interval of the Jaccard index
/// mapped to F1; see <see cref="DetectionScore"/>), mean IoU of matched pairs (no interval), and the gold error rate of
/// <see cref="SeriesFigures"/> with its Wilson interval. With a taxonomy checked: the violation rate of
/// <see cref="SeriesFigures"/>, overall and per rule, Wilson. Per frame-tag field with gold, over all annotators: tag
/// accuracy (Wilson, n = gold items compared) and Cohen's kappa against gold (standard-error interval, n = gold items
/// tagged). Whatever is undefined (NaN) is left out.
/// </remarks>
public sealed class BatchMeasurements
{
    private readonly Dictionary<(string Metric, string? Subject), Measurement> _byKey = [];

    /// <exception cref="ArgumentException">A metric and subject appear twice, a value is not finite, or an interval is half-given or reversed.</exception>
    public BatchMeasurements(IEnumerable<Measurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        foreach (var m in measurements)
        {
            if (!IsWellFormed(m))
            {
                throw new ArgumentException($"{m.Metric}({m.Subject}): a measurement has a finite value and either no interval or a finite [lower, upper]", nameof(measurements));
            }

            if (!_byKey.TryAdd((m.Metric, m.Subject), m))
            {
                throw new ArgumentException($"{m.Metric}({m.Subject}) is measured twice", nameof(measurements));
            }
        }

        All = [.. _byKey.Values];
    }

    /// <summary>Every measurement, in the order given.</summary>
    public IReadOnlyList<Measurement> All { get; }

    public Measurement? Find(string metric, string? subject) => _byKey.TryGetValue((metric, subject), out var m) ? m : null;

    /// <summary>The measurements of <paramref name="metric"/> that have a subject (every field, class or rule measured).</summary>
    public IReadOnlyList<Measurement> Subjects(string metric) => All.Where(m => m.Metric == metric && m.Subject is not null).ToList();

    public static BatchMeasurements Of(BatchAuditResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var measurements = new List<Measurement>();
        foreach (var (field, agreement) in result.Metrics.Fields)
        {
            Add(measurements, MonitoredMetric.Alpha.Name, field, agreement.KrippendorffAlpha, agreement.AlphaLower, agreement.AlphaUpper, agreement.Units, "bootstrap-percentile");
            Add(measurements, "percent-agreement", field, agreement.PercentAgreement, double.NaN, double.NaN, agreement.Units, null);
            if (result.Suites.TryGetValue(field, out var suite))
            {
                Add(measurements, "fleiss-kappa", field, suite.FleissKappa, suite.Units);
                Add(measurements, "gwet-ac1", field, suite.GwetAc1, suite.Units);
            }
        }

        if (result.Spatial.AgainstGoldByAnnotator.Count > 0)
        {
            var pooled = result.Spatial.Pooled();
            AddGold(measurements, null, pooled.Overall());
            foreach (var objectClass in pooled.Classes)
            {
                AddGold(measurements, objectClass, pooled.Score(objectClass));
            }
        }

        // Frame tags against gold per field, every annotator's comparisons pooled (TagGoldView's overall).
        foreach (var field in result.TagGold.Fields.Keys)
        {
            var score = result.TagGold.Pooled(field).Score();
            Add(measurements, "tag-accuracy", field, score.Accuracy, score.Compared);
            Add(measurements, "tag-kappa", field, score.Kappa, score.Compared - score.Missing);
        }

        // The proportions the series monitor, as they define them (gold error rate, violation rate), with Wilson intervals.
        var proportions = SeriesFigures.Of(result).Where(f =>
            f.Metric == MonitoredMetric.GoldErrorRate.Name || f.Metric == MonitoredMetric.ViolationRate.Name);
        foreach (var figure in proportions)
        {
            var trials = (long)figure.Size!.Value;
            Add(measurements, figure.Metric, figure.Class, WilsonScoreInterval.Compute((long)figure.Count!.Value, trials), trials);
        }

        // A taxonomy rule nobody broke is not in the tally's counts; its rate is 0 of the annotations checked.
        if (result.Violations is { AnnotationsChecked: > 0 } violations)
        {
            foreach (var (rule, _) in TaxonomyRules.All.Where(r => !measurements.Any(m => m.Metric == MonitoredMetric.ViolationRate.Name && m.Subject == r.Rule)))
            {
                Add(measurements, MonitoredMetric.ViolationRate.Name, rule, WilsonScoreInterval.Compute(0, violations.AnnotationsChecked), violations.AnnotationsChecked);
            }
        }

        return new BatchMeasurements(measurements);
    }

    private static bool IsWellFormed(Measurement m) => double.IsFinite(m.Value) && (m.Lower, m.Upper) switch
    {
        (null, null) => true,
        ({ } lower, { } upper) => double.IsFinite(lower) && double.IsFinite(upper) && lower <= upper,
        _ => false,
    };

    private static void AddGold(List<Measurement> measurements, string? objectClass, DetectionScore score)
    {
        long tp = score.TruePositives, fp = score.FalsePositives, fn = score.FalseNegatives;
        Add(measurements, "gold-precision", objectClass, score.Precision, tp + fp);
        Add(measurements, "gold-recall", objectClass, score.Recall, tp + fn);
        Add(measurements, "gold-f1", objectClass, score.F1, tp + fp + fn, "wilson-jaccard");
        Add(measurements, MonitoredMetric.MeanIou.Name, objectClass, score.MeanSimilarity, double.NaN, double.NaN, tp + score.MisclassifiedFrom, null);
    }

    private static void Add(List<Measurement> measurements, string metric, string? subject, RateEstimate rate, long n, string method = "wilson") =>
        Add(measurements, metric, subject, rate.Value, rate.Lower, rate.Upper, n, method);

    private static void Add(List<Measurement> measurements, string metric, string field, AgreementEstimate? estimate, long n)
    {
        if (estimate is { Defined: true })
        {
            Add(measurements, metric, field, estimate.Coefficient, estimate.Interval.Lower, estimate.Interval.Upper, n, "standard-error");
        }
    }

    private static void Add(List<Measurement> measurements, string metric, string? subject, double value, double lower, double upper, long n, string? method)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        var interval = double.IsFinite(lower) && double.IsFinite(upper);
        measurements.Add(new Measurement(metric, subject, value, interval ? lower : null, interval ? upper : null, n, interval ? method : null));
    }
}
