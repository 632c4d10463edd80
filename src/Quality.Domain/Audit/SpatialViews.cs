using Quality.Domain.Matching;

namespace Quality.Domain.Audit;

/// <summary>
/// The gold audit of boxes and cuboids as every interface shows it: per annotator scorecards, per class figures, the
/// confusion matrix. <c>GET /api/batches/{id}/audit</c> and <c>quality audit --json</c> (key <c>audit</c>).
/// </summary>
/// <remarks>
/// <c>fn</c> counts gold objects missed and <c>fp</c> extra objects; a misclassified pair (matched, wrong class) is
/// counted as <c>misclassified</c> and lowers both precision and recall. Rates carry Wilson 95% intervals
/// (<see cref="DetectionScore"/>); undefined rates are null.
/// </remarks>
public sealed record GoldAuditView(
    ScoreView Overall,
    IReadOnlyDictionary<string, AnnotatorScoreView> PerAnnotator,
    IReadOnlyDictionary<string, ScoreView> PerClass,
    ConfusionView Confusion,
    IReadOnlyDictionary<string, PrecisionView> GeometryPerClass)
{
    public static GoldAuditView From(SpatialAudit spatial)
    {
        ArgumentNullException.ThrowIfNull(spatial);
        var pooled = spatial.Pooled();
        return new(
            ScoreView.From(pooled.Overall()),
            spatial.Labeled.ToDictionary(
                l => l.Key,
                l => AnnotatorScoreView.From(l.Value.Items, l.Value.Objects,
                    spatial.AgainstGoldByAnnotator.TryGetValue(l.Key, out var matrix) ? matrix.Overall() : null),
                StringComparer.Ordinal),
            pooled.Classes.ToDictionary(c => c, c => ScoreView.From(pooled.Score(c)), StringComparer.Ordinal),
            ConfusionView.From(pooled),
            spatial.PrecisionByClass.ToDictionary(p => p.Key, p => PrecisionView.From(p.Value), StringComparer.Ordinal));
    }
}

/// <summary>Detection figures with the counts behind them.</summary>
public sealed record ScoreView(
    long Tp, long Misclassified, long Fn, long Fp,
    double? Precision, double[]? PrecisionCi95, double? Recall, double[]? RecallCi95, double? F1, double[]? F1Ci95, double? MeanIou)
{
    public static ScoreView From(DetectionScore s) => new(
        s.TruePositives, Math.Max(s.MisclassifiedFrom, s.MisclassifiedInto), s.Missed, s.Extra,
        AgreementView.Defined(s.Precision.Value), AgreementView.Interval(s.Precision.Lower, s.Precision.Upper),
        AgreementView.Defined(s.Recall.Value), AgreementView.Interval(s.Recall.Lower, s.Recall.Upper),
        AgreementView.Defined(s.F1.Value), AgreementView.Interval(s.F1.Lower, s.F1.Upper),
        AgreementView.Defined(s.MeanSimilarity));
}

/// <summary>An annotator's scorecard: what they labeled and, on gold items, how it compares (null without gold).</summary>
public sealed record AnnotatorScoreView(
    long Items, long Objects, long? Tp, long? Misclassified, long? Fn, long? Fp,
    double? Precision, double[]? PrecisionCi95, double? Recall, double[]? RecallCi95, double? F1, double[]? F1Ci95, double? MeanIou)
{
    public static AnnotatorScoreView From(long items, long objects, DetectionScore? score)
    {
        if (score is not { } s)
        {
            return new(items, objects, null, null, null, null, null, null, null, null, null, null, null);
        }

        var v = ScoreView.From(s);
        return new(items, objects, v.Tp, v.Misclassified, v.Fn, v.Fp, v.Precision, v.PrecisionCi95, v.Recall, v.RecallCi95, v.F1, v.F1Ci95, v.MeanIou);
    }
}

/// <summary>Rows: gold classes, then <c>none</c> (extra objects); columns: annotator classes, then <c>missed</c>.</summary>
public sealed record ConfusionView(IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    public const string None = "none";
    public const string Missed = "missed";

    public static ConfusionView From(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var classes = matrix.Classes;
        var rows = classes.Select(c => (string?)c).Append(null).ToList();
        var columns = classes.Select(c => (string?)c).Append(null).ToList();
        return new(
            [.. classes, None],
            [.. classes, Missed],
            [.. rows.Select(r => (IReadOnlyList<long>)[.. columns.Select(c => matrix.Count(r, c))])]);
    }
}

/// <summary>Annotator against annotator on the items both labeled: <c>spatial.pairwise</c>.</summary>
public sealed record SpatialView(IReadOnlyList<PairDetectionView> Pairwise, ConsensusAgreementView Consensus)
{
    /// <param name="bootstrap">How the consensus alphas' intervals are drawn; null: seed <see cref="BatchAudit.DefaultSeed"/>, 1000 replicates, 95%.</param>
    public static SpatialView From(SpatialAudit spatial, Agreement.BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(spatial);
        bootstrap ??= new Agreement.BootstrapOptions { Seed = BatchAudit.DefaultSeed };
        return new(
            [.. spatial.PairwiseAgreement.Select(p => new PairDetectionView(
                p.Key.A, p.Key.B, p.Value.FirstObjects, p.Value.SecondObjects, p.Value.Matches,
                AgreementView.Defined(p.Value.F1), AgreementView.Defined(p.Value.MeanSimilarity),
                p.Value.Classes.ToDictionary(c => c, c => AgreementView.Defined(p.Value.ClassF1(c)), StringComparer.Ordinal)))],
            new ConsensusAgreementView(
                spatial.ConsensusExistence.Units, NominalAlphaView.From(spatial.ConsensusExistence, bootstrap), NominalAlphaView.From(spatial.ConsensusClass, bootstrap),
                GeometryAlphaView.From(spatial.ConsensusGeometry, bootstrap)));
    }
}

/// <summary>
/// Agreement over consensus objects (each physical object one unit): whether annotators agree an object is there,
/// and on its class where they drew it. Nominal alpha with its bootstrap interval (docs/statistics-conventions.md).
/// </summary>
public sealed record ConsensusAgreementView(long Objects, NominalAlphaView Existence, NominalAlphaView Class, GeometryAlphaView Geometry);

/// <summary>
/// Alpha with δ = 1 − IoU over consensus objects drawn by two or more annotators (<see cref="GeometricAlpha"/>), with its
/// percentile bootstrap interval over those objects and how it was drawn.
/// </summary>
public sealed record GeometryAlphaView(long Units, long Drawings, double? Alpha)
{
    /// <summary>The 95% percentile bootstrap interval over units; null when no replicate has a defined alpha.</summary>
    public double[]? AlphaCi95 { get; init; }

    /// <summary>The method, seed, replicates and coverage of <see cref="AlphaCi95"/>: the same seed and data give the same interval.</summary>
    public BootstrapView? Bootstrap { get; init; }

    public static GeometryAlphaView From(GeometricAlpha geometry, Agreement.BootstrapOptions bootstrap)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(bootstrap);
        var interval = geometry.Bootstrap(bootstrap);
        return new(geometry.Objects, geometry.Drawings, AgreementView.Defined(geometry.Alpha()))
        {
            AlphaCi95 = AgreementView.Interval(interval.Lower, interval.Upper),
            Bootstrap = new BootstrapView(Method, bootstrap.Seed, bootstrap.Replicates, bootstrap.Confidence),
        };
    }

    /// <summary>What <see cref="Bootstrap"/> names as the method.</summary>
    public const string Method = "percentile bootstrap over consensus objects (docs/statistics-conventions.md)";
}

/// <summary>Nominal alpha, its 95% bootstrap interval and the n behind it.</summary>
public sealed record NominalAlphaView(long Units, long PairableValues, double? Alpha, double[]? AlphaCi95)
{
    /// <summary>Why <see cref="Alpha"/> is null; null when it is defined.</summary>
    public string? AlphaUndefinedReason { get; init; }

    public static NominalAlphaView From(Agreement.RatingPatterns ratings, Agreement.BootstrapOptions? bootstrap = null)
    {
        var alpha = Agreement.KrippendorffAlpha.Compute(ratings, Agreement.MeasurementLevel.Nominal);
        var interval = Agreement.KrippendorffAlpha.Bootstrap(
            ratings, Agreement.MeasurementLevel.Nominal, bootstrap ?? new Agreement.BootstrapOptions { Seed = BatchAudit.DefaultSeed });
        return new(alpha.Units, alpha.PairableValues, AgreementView.Defined(alpha.Value), AgreementView.Interval(interval.Lower, interval.Upper))
        {
            AlphaUndefinedReason = alpha.UndefinedReason,
        };
    }
}

/// <summary>
/// Detection F1 = 2·matches/(objects of a + objects of b), the mean IoU of the matches, and per class F1 (matches in
/// which both gave the class over the objects of that class either drew).
/// </summary>
public sealed record PairDetectionView(
    string A, string B, long ObjectsA, long ObjectsB, long Matches, double? F1, double? MeanIou, IReadOnlyDictionary<string, double?> PerClassF1);

/// <summary>What <c>reports/{batch}/audit.json</c> holds: the gold audit and the pairwise spatial agreement.</summary>
public sealed record SpatialReportView(GoldAuditView Audit, SpatialView Spatial)
{
    /// <param name="bootstrap">How the consensus alphas' intervals are drawn; null: the default seed (<see cref="SpatialView.From"/>).</param>
    public static SpatialReportView From(SpatialAudit spatial, Agreement.BootstrapOptions? bootstrap = null) =>
        new(GoldAuditView.From(spatial), SpatialView.From(spatial, bootstrap));
}

/// <summary>
/// Geometric precision of one gold class's matched pairs: IoU, centre offset (m for cuboids, px for boxes), |size
/// ratio − 1| per dimension, |heading error| modulo π in degrees, flipped headings, attribute agreement. Quantiles are
/// to within half a bin (<see cref="GeometricPrecision"/>).
/// </summary>
public sealed record PrecisionView(
    long Matches,
    DistributionView Iou,
    DistributionView CentreOffset,
    IReadOnlyDictionary<string, DistributionView> SizeError,
    DistributionView? HeadingErrorDegrees,
    long HeadingFlips,
    IReadOnlyDictionary<string, AttributeAgreementView> Attributes)
{
    public static PrecisionView From(GeometricPrecision p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(
            p.Iou.Count,
            DistributionView.From(p.Iou),
            DistributionView.From(p.CentreOffset),
            p.SizeError.ToDictionary(s => s.Key, s => DistributionView.From(s.Value), StringComparer.Ordinal),
            p.HeadingError.Count == 0 ? null : DistributionView.From(p.HeadingError),
            p.HeadingFlips,
            p.Attributes.ToDictionary(a => a.Key, a => AttributeAgreementView.From(a.Value.Compared, a.Value.Agreed), StringComparer.Ordinal));
    }
}

/// <summary>Mean (exact), median and 90th percentile (within half a bin) of a measurement, with its n.</summary>
public sealed record DistributionView(long N, double? Mean, double? Median, double? P90, double Resolution)
{
    public static DistributionView From(BinnedDistribution d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Count, AgreementView.Defined(d.Mean), AgreementView.Defined(d.Quantile(0.5)), AgreementView.Defined(d.Quantile(0.9)), d.BinWidth / 2);
    }
}

/// <summary>Share of matched pairs (both carrying the attribute) whose values agree, with its Wilson 95% interval.</summary>
public sealed record AttributeAgreementView(long Compared, long Agreed, double? Accuracy, double[]? AccuracyCi95)
{
    public static AttributeAgreementView From(long compared, long agreed)
    {
        var rate = WilsonScoreInterval.Compute(agreed, compared);
        return new(compared, agreed, AgreementView.Defined(rate.Value), AgreementView.Interval(rate.Lower, rate.Upper));
    }
}
