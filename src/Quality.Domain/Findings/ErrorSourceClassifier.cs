using Quality.Domain.Matching;

namespace Quality.Domain.Findings;

/// <summary>The decision rule of <see cref="ErrorSourceAnalysis"/>, applied to one error type after p-value adjustment.</summary>
/// <remarks>
/// In order, first match wins (docs/findings.md states the same rule):
/// <list type="number">
/// <item>fewer than two annotators, or fewer than MinOpportunities → InsufficientEvidence;</item>
/// <item>pervasive — every annotator's Wilson 95% lower bound above ½: most of everyone's opportunities become this error,
/// which no annotator's slip explains and needs no history to call → SystemError;</item>
/// <item>"elevated" = elevation adjusted p ≤ α and rate ≥ (1 + MinimumElevation)·baseline (with an acceptable rate:
/// above it); "still elevated without S" = the elevation test on the delivery less the annotators S, its p multiplied by
/// the same adjustment factor (adjusted p / p), ≤ α and the ratio still large enough; an annotator is an *outlier* when
/// above their funnel limit and their rate ≥ (1 + MinimumElevation) × the others' rate — the same relative size a
/// system error must reach, so a significant but small difference on a large delivery names nobody;</item>
/// <item>homogeneity rejected (adjusted p ≤ α) and the outliers a minority (1 ≤ f, 2f &lt; k): SystemError when elevated
/// and still elevated without them (a system error with outliers on top), else IndividualError naming them;</item>
/// <item>elevated and spread — homogeneity not rejected, no outlier, or 2f ≥ k; more than half of the annotators above
/// the reference rate; and still elevated without the annotator of the largest excess x_i − n_i·p₀ → SystemError;</item>
/// <item>elevated but not spread, heterogeneous without a minority of outliers, or suggestive (an unadjusted p ≤ α
/// that the adjustment does not keep) → InsufficientEvidence;</item>
/// <item>otherwise None.</item>
/// </list>
/// </remarks>
internal static class ErrorSourceClassifier
{
    public static VerdictReason Classify(ErrorTypeEvidence e, ErrorSourceOptions options)
    {
        var k = e.Annotators.Length;
        if (k < 2)
        {
            return VerdictReason.FewAnnotators;
        }

        if (!e.IsTestable)
        {
            return VerdictReason.FewOpportunities;
        }

        if (IsPervasive(e))
        {
            return VerdictReason.Pervasive;
        }

        var flagged = Outliers(e, options).Count();
        var heterogeneous = e.Homogeneity.AdjustedPValue <= options.Alpha;
        var elevated = e.Elevation.AdjustedPValue <= options.Alpha && IsLargeEnough(e.Elevation.RateRatio, e.Elevation, options);
        if (heterogeneous && flagged >= 1 && 2 * flagged < k)
        {
            var othersElevated = elevated && IsStillElevatedWithout(e, e.Annotators.Where(a => IsOutlier(e, a, options)), options);
            return othersElevated ? VerdictReason.System : VerdictReason.Individual;
        }

        if (elevated)
        {
            var top = e.Annotators.MaxBy(a => a.Errors - (a.Opportunities * e.Elevation.ReferenceRate));
            var spread = (!heterogeneous || flagged == 0 || 2 * flagged >= k) && 2 * AboveReference(e) > k && IsStillElevatedWithout(e, [top], options);
            return spread ? VerdictReason.System : VerdictReason.ElevatedNotSpread;
        }

        if (heterogeneous)
        {
            return VerdictReason.HeterogeneousNoOutlier;
        }

        if (e.Homogeneity.PValue <= options.Alpha || (e.Elevation.PValue <= options.Alpha && IsLargeEnough(e.Elevation.RateRatio, e.Elevation, options)))
        {
            return VerdictReason.Suggestive;
        }

        return double.IsNaN(e.Elevation.ReferenceRate) ? VerdictReason.NoHistory : VerdictReason.Nothing;
    }

    public static ErrorSource Source(VerdictReason reason) => reason switch
    {
        VerdictReason.Individual => ErrorSource.IndividualError,
        VerdictReason.System or VerdictReason.Pervasive => ErrorSource.SystemError,
        VerdictReason.Nothing or VerdictReason.NoHistory => ErrorSource.None,
        _ => ErrorSource.InsufficientEvidence,
    };

    private static bool IsLargeEnough(double ratio, ElevationTest elevation, ErrorSourceOptions options) =>
        elevation.Method == ElevationTesting.Binomial ? ratio > 1 : ratio >= 1 + options.MinimumElevation;

    /// <summary>Annotators above their funnel limit whose rate is also ≥ (1 + MinimumElevation) × the others' rate.</summary>
    public static IEnumerable<FunnelPoint> Outliers(ErrorTypeEvidence e, ErrorSourceOptions options) =>
        e.Funnel.Where(p => p.FlaggedHigh && p.Rate >= (1 + options.MinimumElevation) * p.ExpectedRate);

    /// <summary>Every annotator's Wilson 95% lower bound is above ½: most of everyone's opportunities became the error.</summary>
    public static bool IsPervasive(ErrorTypeEvidence e) =>
        e.Annotators.Length >= 2 && e.Annotators.All(a => WilsonScoreInterval.Compute(a.Errors, a.Opportunities).Lower > 0.5);

    private static bool IsOutlier(ErrorTypeEvidence e, AnnotatorErrors a, ErrorSourceOptions options) =>
        Outliers(e, options).Any(p => p.Annotator == a.Annotator);

    private static int AboveReference(ErrorTypeEvidence e) => e.Funnel.Count(p => p.Rate > e.Elevation.ReferenceRate);

    // The rest of the delivery, tested as the whole was and held to the same adjusted level: p without × (adjusted p / p).
    private static bool IsStillElevatedWithout(ErrorTypeEvidence e, IEnumerable<AnnotatorErrors> leftOut, ErrorSourceOptions options)
    {
        var removed = leftOut.ToArray();
        long errors = e.Pooled.Errors - removed.Sum(a => a.Errors), opportunities = e.Pooled.Opportunities - removed.Sum(a => a.Opportunities);
        if (opportunities <= 0)
        {
            return false;
        }

        var p = ElevationTesting.PValueWithout(e.Elevation, errors, opportunities, e.Observation.Baseline);
        var factor = e.Elevation.PValue > 0 ? e.Elevation.AdjustedPValue / e.Elevation.PValue : 1;
        var ratio = (double)errors / opportunities / e.Elevation.ReferenceRate;
        return Math.Min(1, p * factor) <= options.Alpha && IsLargeEnough(ratio, e.Elevation, options);
    }
}
