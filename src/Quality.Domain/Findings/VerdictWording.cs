using Quality.Domain.Matching;
using static Quality.Domain.Findings.FindingText;

namespace Quality.Domain.Findings;

/// <summary>The plain-language statement and recommended action of a verdict.</summary>
internal static class VerdictWording
{
    public static string Statement(ErrorTypeEvidence e, VerdictReason reason, ErrorSourceOptions options)
    {
        var head = $"{e.Observation.Type.Describe()}: {Rate(e.Pooled, "no opportunities")} of {Count(e.Pooled.Opportunities)} opportunities{History(e)}";
        var k = e.Annotators.Length;
        return reason switch
        {
            VerdictReason.FewAnnotators => $"{head}; {k} annotator(s) with opportunities, so an individual and a system error cannot be told apart → insufficient evidence",
            VerdictReason.FewOpportunities => $"{head}; fewer than the {Count(options.MinOpportunities)} opportunities needed → insufficient evidence",
            VerdictReason.Individual => $"{head}; concentrated in {Outliers(e, options)} of {k} annotators ({Homogeneity(e)}) → individual error",
            VerdictReason.System => $"{head}; spread evenly across {k} annotators ({Homogeneity(e)}) → system error",
            VerdictReason.Pervasive => $"{head}; made on most of every annotator's opportunities ({Lowest(e)}), so no one annotator's slip explains it → system error",
            VerdictReason.ElevatedNotSpread => $"{head}; elevated, but carried by few of the {k} annotators ({Homogeneity(e)}) → insufficient evidence for a system error",
            VerdictReason.HeterogeneousNoOutlier => $"{head}; the {k} annotators differ ({Homogeneity(e)}) but none lies beyond the {Percent(options.FunnelLevel)} funnel at {Number(1 + options.MinimumElevation)} × the others' rate → insufficient evidence",
            VerdictReason.Suggestive => $"{head}; suggestive ({Homogeneity(e)}) but not significant after {options.MultipleTesting} adjustment → insufficient evidence",
            VerdictReason.NoHistory => $"{head}; alike across {k} annotators ({Homogeneity(e)}); no history to judge elevation → nothing to report",
            _ => $"{head}; alike across {k} annotators ({Homogeneity(e)}) and not elevated → nothing to report",
        };
    }

    public static string Action(ErrorTypeEvidence e, VerdictReason reason, ErrorSourceOptions options)
    {
        var type = e.Observation.Type;
        return reason switch
        {
            VerdictReason.System or VerdictReason.Pervasive => type.Kind switch
            {
                ErrorKind.Confusion => $"Review the guideline and taxonomy definitions that separate {type.ReferenceClass} from {type.Class} and the tool's class list; re-brief all annotators and re-check this delivery's {type.ReferenceClass} objects.",
                ErrorKind.Miss => $"Check the data and tool for {type.ReferenceClass} (visibility, rendering, pre-labels) and the guideline's size and occlusion rules; re-audit missed {type.ReferenceClass} objects in this delivery.",
                ErrorKind.Tag => type.Class is null
                    ? $"Check that the tool asks for {type.Field} on every frame and that the guideline says when to tag it; re-check this delivery's frames whose {type.Field} is {type.ReferenceClass}."
                    : $"Review the guideline's definitions that separate {type.Field} {type.ReferenceClass} from {type.Class} (with boundary examples) and the tool's value list; re-brief all annotators and re-check this delivery's {type.Field} tags.",
                _ => $"Check the taxonomy version the vendor's tool uses against {type.Describe()} and correct the tool configuration.",
            },
            VerdictReason.Individual => $"Give {Names(Flagged(e, options))} targeted feedback on {type.Describe()} and re-review their {Labels(type)} of this kind in this delivery.",
            VerdictReason.FewAnnotators or VerdictReason.FewOpportunities => $"Add gold {Labels(type)} of this kind to the next deliveries before drawing a conclusion.",
            VerdictReason.Nothing or VerdictReason.NoHistory => "None.",
            _ => "Keep watching this error type over the next deliveries; no conclusion yet.",
        };
    }

    private static string Labels(ErrorType type) => type.Kind == ErrorKind.Tag ? "frames" : "objects";

    /// <summary>The outliers (<see cref="ErrorSourceClassifier.Outliers"/>): above the funnel and large enough to name.</summary>
    public static IEnumerable<string> Flagged(ErrorTypeEvidence e, ErrorSourceOptions options) =>
        ErrorSourceClassifier.Outliers(e, options).Select(p => p.Annotator);

    private static string Lowest(ErrorTypeEvidence e)
    {
        var lowest = e.Funnel.MinBy(p => p.Rate);
        var bound = WilsonScoreInterval.Compute(lowest.Errors, lowest.Opportunities).Lower;
        return $"the lowest, {lowest.Annotator}, {Percent(lowest.Rate)} of {Count(lowest.Opportunities)}, 95% CI lower bound {Percent(bound)} > 50%";
    }

    private static string History(ErrorTypeEvidence e) => e.Elevation.Method switch
    {
        ElevationTesting.Fisher => $" vs {Percent(e.Elevation.ReferenceRate)} in history (one-sided Fisher p={P(e.Elevation.PValue)}, adjusted {P(e.Elevation.AdjustedPValue)})",
        ElevationTesting.Binomial => $" vs an acceptable {Percent(e.Elevation.ReferenceRate)} (one-sided binomial p={P(e.Elevation.PValue)}, adjusted {P(e.Elevation.AdjustedPValue)})",
        _ => e.Observation.Baseline is null ? ", no history" : string.Empty,
    };

    private static string Homogeneity(ErrorTypeEvidence e)
    {
        var h = e.Homogeneity;
        if (double.IsNaN(h.PValue))
        {
            return "homogeneity not defined";
        }

        var method = h.Method == ChiSquareHomogeneity.MonteCarlo ? $"Monte Carlo p ({Count(h.Replicates)} tables)" : "p";
        return $"χ²={Number(h.Statistic)}, df={Count(h.DegreesOfFreedom)}, {method}={P(h.PValue)}, adjusted {P(h.AdjustedPValue)}";
    }

    private static string Outliers(ErrorTypeEvidence e, ErrorSourceOptions options) => Names(ErrorSourceClassifier.Outliers(e, options).Select(p =>
        $"{p.Annotator} ({Percent(p.Rate)} of {Count(p.Opportunities)} vs {Percent(p.ExpectedRate)} for the others, above the {Percent(options.FunnelLevel)} funnel limit {Percent(p.Upper)})"));
}
