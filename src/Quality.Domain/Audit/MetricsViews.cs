using System.Text.Json.Serialization;
using Quality.Domain.Agreement;
using Quality.Domain.Agreement.Kappa;

namespace Quality.Domain.Audit;

// The shapes in which every interface (HTTP API, `quality audit --json`) shows a batch's figures, so they can be
// compared field by field. Undefined statistics (e.g. alpha with no variation) are null, never a made-up number.

/// <summary>How much a batch holds.</summary>
public sealed record CountsView(long Items, long Annotators, long Annotations, IReadOnlyDictionary<string, long> AnnotationsByRole)
{
    public static CountsView? From(BatchMetrics? m) =>
        m is null ? null : new(m.Items, m.Annotators, m.Annotations, m.AnnotationsByRole);
}

/// <summary>
/// Headline agreement (alpha of the weakest field at its level, the lowest nominal alpha, percent agreement over all
/// tag units) and per field: what a batch shows. <see cref="AgreementSuiteView"/> adds the whole suite.
/// </summary>
public sealed record AgreementView(
    double? KrippendorffAlphaNominal,
    string? WeakestField,
    double? PercentAgreement,
    double? KrippendorffAlpha,
    IReadOnlyDictionary<string, FieldAgreementView> Fields)
{
    /// <summary>Why <see cref="KrippendorffAlpha"/> (and the nominal headline) is null; null when it is not.</summary>
    public string? AlphaUndefinedReason { get; init; }

    public static AgreementView? From(BatchMetrics? m) => m is null ? null : new(
        Defined(m.KrippendorffAlphaNominal),
        m.WeakestField,
        Defined(m.PercentAgreement),
        Defined(m.KrippendorffAlpha),
        m.Fields.ToDictionary(f => f.Key, f => FieldAgreementView.From(f.Value), StringComparer.Ordinal))
    {
        AlphaUndefinedReason = HeadlineUndefinedReason(m),
    };

    /// <summary>A figure for JSON: NaN and ±∞ (undefined) become null.</summary>
    public static double? Defined(double value) => double.IsFinite(value) ? value : null;

    /// <summary>An interval as [low, high], or null when either bound is undefined.</summary>
    public static double[]? Interval(double lower, double upper) =>
        double.IsFinite(lower) && double.IsFinite(upper) ? [lower, upper] : null;

    /// <summary>The batch's alpha is the weakest defined field's: undefined when no field has one.</summary>
    internal static string? HeadlineUndefinedReason(BatchMetrics m) =>
        double.IsNaN(m.KrippendorffAlpha) ? m.WhyAlphaUndefined() : null;
}

/// <summary>One field's headline agreement; <c>units</c> and <c>pairableValues</c> are the n behind alpha.</summary>
public record FieldAgreementView(
    long Units,
    long PairableValues,
    double? KrippendorffAlphaNominal,
    double? PercentAgreement,
    string Level,
    double? KrippendorffAlpha,
    double[]? AlphaCi95)
{
    /// <summary>Why <see cref="KrippendorffAlpha"/> and its interval are null; null when alpha is defined.</summary>
    public string? AlphaUndefinedReason { get; init; }

    public static FieldAgreementView From(FieldAgreement f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(
            f.Units, f.PairableValues, AgreementView.Defined(f.KrippendorffAlphaNominal), AgreementView.Defined(f.PercentAgreement),
            StatisticNames.Level(f.Level), AgreementView.Defined(f.KrippendorffAlpha), AgreementView.Interval(f.AlphaLower, f.AlphaUpper))
        {
            AlphaUndefinedReason = double.IsNaN(f.KrippendorffAlpha) ? KrippendorffAlphaResult.WhyUndefined(f.Units) : null,
        };
    }
}

/// <summary>The whole agreement suite of a batch: <c>GET /api/batches/{id}/agreement</c> and <c>quality audit --json</c>.</summary>
public sealed record AgreementSuiteView(
    double? KrippendorffAlphaNominal,
    string? WeakestField,
    double? PercentAgreement,
    double? KrippendorffAlpha,
    BootstrapView Bootstrap,
    IReadOnlyDictionary<string, FieldAgreementSuiteView> Fields)
{
    /// <summary>Why <see cref="KrippendorffAlpha"/> (and the nominal headline) is null; null when it is not.</summary>
    public string? AlphaUndefinedReason { get; init; }

    public static AgreementSuiteView From(BatchAuditResult result, BootstrapOptions bootstrap)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(bootstrap);
        var m = result.Metrics;
        return new(
            AgreementView.Defined(m.KrippendorffAlphaNominal),
            m.WeakestField,
            AgreementView.Defined(m.PercentAgreement),
            AgreementView.Defined(m.KrippendorffAlpha),
            new BootstrapView("percentile bootstrap over units (docs/statistics-conventions.md)", bootstrap.Seed, bootstrap.Replicates, bootstrap.Confidence),
            result.Suites.ToDictionary(f => f.Key, f => FieldAgreementSuiteView.From(m.Fields[f.Key], f.Value), StringComparer.Ordinal))
        {
            AlphaUndefinedReason = AgreementView.HeadlineUndefinedReason(m),
        };
    }
}

/// <summary>How the alpha intervals were drawn: the same seed and data give the same intervals.</summary>
public sealed record BootstrapView(string Method, int Seed, int Replicates, double Confidence);

/// <summary>
/// One field's whole suite: its headline (<see cref="FieldAgreementView"/>) and the rest. Members not computed at the
/// field's level (kappas of interval data) are null.
/// </summary>
public sealed record FieldAgreementSuiteView : FieldAgreementView
{
    private FieldAgreementSuiteView(FieldAgreementView headline)
        : base(headline)
    {
    }

    /// <summary>Reads a stored suite back (<see cref="ReportJson.Deserialize{T}"/>); the suite's own members are required.</summary>
    [JsonConstructor]
    public FieldAgreementSuiteView(
        long units, long pairableValues, double? krippendorffAlphaNominal, double? percentAgreement, string level, double? krippendorffAlpha, double[]? alphaCi95)
        : base(units, pairableValues, krippendorffAlphaNominal, percentAgreement, level, krippendorffAlpha, alphaCi95)
    {
    }

    public required AlphaThresholdView AlphaBelowThreshold { get; init; }

    public required int Annotators { get; init; }

    public required double? FleissKappa { get; init; }

    public required double? GwetAc1 { get; init; }

    public required IReadOnlyDictionary<string, EstimateView?> Estimates { get; init; }

    public required IReadOnlyList<PairwiseKappaView> PairwiseCohenKappa { get; init; }

    public required IReadOnlyDictionary<string, ClassAgreementView> PerClass { get; init; }

    public required IReadOnlyDictionary<string, AnnotatorAgreementView> PerAnnotator { get; init; }

    public static FieldAgreementSuiteView From(FieldAgreement headline, FieldAgreementSuite suite)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(suite);
        var interval = suite.AlphaInterval;
        return new(FieldAgreementView.From(headline))
        {
            AlphaBelowThreshold = new AlphaThresholdView(
                interval.Threshold, interval.DefinedReplicates == 0 ? null : interval.ProbabilityBelowThreshold, interval.DefinedReplicates),
            Annotators = suite.Annotators,
            FleissKappa = EstimateView.CoefficientOf(suite.FleissKappa),
            GwetAc1 = EstimateView.CoefficientOf(suite.GwetAc1),
            Estimates = new SortedDictionary<string, EstimateView?>(StringComparer.Ordinal)
            {
                ["fleissKappa"] = EstimateView.From(suite.FleissKappa),
                ["gwetAc1"] = EstimateView.From(suite.GwetAc1),
                ["gwetAc2Linear"] = EstimateView.From(suite.GwetAc2Linear),
                ["gwetAc2Quadratic"] = EstimateView.From(suite.GwetAc2Quadratic),
            },
            PairwiseCohenKappa = suite.Pairwise.Select(PairwiseKappaView.From).ToList(),
            PerClass = suite.PerCategory.ToDictionary(c => c.Value, ClassAgreementView.From, StringComparer.Ordinal),
            PerAnnotator = suite.PerAnnotator.ToDictionary(a => a.Annotator, AnnotatorAgreementView.From, StringComparer.Ordinal),
        };
    }
}

/// <summary>P(α &lt; threshold) as the share of bootstrap replicates below it, with the replicates it rests on.</summary>
public sealed record AlphaThresholdView(double Threshold, double? Probability, int Replicates);

/// <summary>A kappa-family coefficient with its standard error, 95% interval and n; why not, when undefined.</summary>
/// <remarks><c>standardErrorUnderNull</c>, <c>z</c> and <c>pValue</c> test H0: coefficient = 0 where the statistic defines it (Cohen, Fleiss).</remarks>
public sealed record EstimateView(
    double? Value, double? StandardError, double[]? Ci95, double? StandardErrorUnderNull, double? Z, double? PValue, long Units, long Ratings, string? UndefinedReason)
{
    public static EstimateView? From(AgreementEstimate? e) => e is null ? null : new(
        e.Defined ? AgreementView.Defined(e.Coefficient) : null,
        e.Defined ? AgreementView.Defined(e.StandardError) : null,
        e.Defined ? AgreementView.Interval(e.Interval.Lower, e.Interval.Upper) : null,
        e.StandardErrorUnderNull is { } se0 && double.IsFinite(se0) ? se0 : null,
        e.Z is { } z && double.IsFinite(z) ? z : null,
        e.PValue is { } p && double.IsFinite(p) ? p : null,
        e.Units,
        e.Ratings,
        e.UndefinedReason);

    public static double? CoefficientOf(AgreementEstimate? e) => e is { Defined: true } ? AgreementView.Defined(e.Coefficient) : null;
}

/// <summary>Cohen's kappa of one pair: unweighted, and linear / quadratic weighted for ordinal fields.</summary>
public sealed record PairwiseKappaView(string A, string B, long Units, double? Kappa, double[]? KappaCi95, double? WeightedLinear, double? WeightedQuadratic)
{
    public static PairwiseKappaView From(PairwiseAgreement p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.A, p.B, p.Units, EstimateView.CoefficientOf(p.Kappa),
            p.Kappa.Defined ? AgreementView.Interval(p.Kappa.Interval.Lower, p.Kappa.Interval.Upper) : null,
            EstimateView.CoefficientOf(p.WeightedLinear), EstimateView.CoefficientOf(p.WeightedQuadratic));
    }
}

/// <summary>How reliably one class is told apart: positive specific agreement and one-vs-rest alpha with its 95% bootstrap interval.</summary>
public sealed record ClassAgreementView(long PairableValues, double? SpecificAgreement, double? Alpha, double[]? AlphaCi95)
{
    public static ClassAgreementView From(CategoryAgreement c) =>
        new(c.PairableValues, AgreementView.Defined(c.SpecificAgreement), AgreementView.Defined(c.OneVersusRestAlpha),
            AgreementView.Interval(c.AlphaLower, c.AlphaUpper));
}

/// <summary>One annotator against the others: alpha without them (and its change), their mean pairwise kappa.</summary>
public sealed record AnnotatorAgreementView(long Values, double? AlphaWithout, double? AlphaChange, double? MeanPairwiseKappa)
{
    public static AnnotatorAgreementView From(AnnotatorAgreement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Values, AgreementView.Defined(a.AlphaWithout.Value), AgreementView.Defined(a.AlphaChange), AgreementView.Defined(a.MeanPairwiseKappa));
    }
}
