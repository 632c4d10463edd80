using static Quality.Domain.Findings.FindingText;

namespace Quality.Domain.Findings;

/// <summary>Turns verdicts and trends into findings with their evidence.</summary>
internal static class FindingFactory
{
    private const string NoBaseline = "no baseline: no earlier delivery had opportunities for this error type";

    /// <summary>
    /// One system error, or one individual error per flagged annotator (each its own series: an annotator's finding is
    /// not restarted because someone else is flagged beside them); none for the other verdicts.
    /// </summary>
    public static IReadOnlyList<Finding> FromVerdict(string pipeline, string batchId, DateTimeOffset seenAt, ErrorSourceVerdict verdict, IReadOnlySet<string>? safety)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        ArgumentNullException.ThrowIfNull(verdict);
        var flagged = verdict.Funnel.Where(p => verdict.FlaggedAnnotators.Contains(p.Annotator)).ToArray();
        return verdict.Source switch
        {
            ErrorSource.SystemError =>
            [
                Raise(pipeline, batchId, seenAt, verdict, FindingKind.SystemError, [], verdict.Pooled.Rate.Value, verdict.Elevation.RateRatio, flagged, safety),
            ],
            ErrorSource.IndividualError =>
            [
                .. flagged.Select(p =>
                    Raise(pipeline, batchId, seenAt, verdict, FindingKind.IndividualError, [p.Annotator], p.Rate, double.NaN, [p], safety)),
            ],
            _ => [],
        };
    }

    private static Finding Raise(
        string pipeline, string batchId, DateTimeOffset seenAt, ErrorSourceVerdict verdict, FindingKind kind, IReadOnlyList<string> annotators,
        double rate, double ratio, IEnumerable<FunnelPoint> annotatorEvidence, IReadOnlySet<string>? safety)
    {
        var classes = verdict.Type.Classes;
        return new Finding
        {
            Pipeline = pipeline,
            Kind = kind,
            ErrorTypeKey = verdict.Type.Key,
            Severity = FindingSeverityRule.Of(kind, rate, ratio, classes, safety),
            Classes = classes,
            Annotators = annotators,
            Evidence = [.. VerdictEvidence(verdict), .. annotatorEvidence.Select(AnnotatorEvidence)],
            Batches = [batchId],
            Statement = verdict.Statement,
            Action = verdict.Action,
            FirstSeen = seenAt,
            LastSeen = seenAt,
        };
    }

    public static Finding? FromConfusionTrend(string pipeline, DateTimeOffset seenAt, ConfusionTrendResult trend, IReadOnlySet<string>? safety)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        ArgumentNullException.ThrowIfNull(trend);
        if (!trend.Signals)
        {
            return null;
        }

        var classes = trend.Type.Classes;
        return new Finding
        {
            Pipeline = pipeline,
            Kind = FindingKind.SystematicConfusion,
            ErrorTypeKey = trend.Type.Key,
            Severity = FindingSeverityRule.Of(FindingKind.SystematicConfusion, trend.Current.Rate.Value, trend.RateRatio, classes, safety),
            Classes = classes,
            Evidence =
            [
                Rate("rate", trend.Current, "no opportunities in this delivery"),
                Rate("baseline.rate", trend.Baseline, NoBaseline),
                FindingEvidence.Of("baseline.p0", trend.BaselineRate, "Jeffreys (E + 0.5)/(N + 1)", NoBaseline),
                FindingEvidence.Of("elevation.ratio", trend.RateRatio, whyUndefined: trend.Baseline.Opportunities == 0 ? NoBaseline : "this delivery has no opportunities"),
                FindingEvidence.Of("elevation.p", trend.PValue, "one-sided Fisher exact", NoBaseline),
                FindingEvidence.Of("cusum.upper", trend.CusumUpper[^1], $"h={Number(trend.DecisionInterval)}; above h since {trend.FirstSignalBatch}"),
            ],
            Batches = [trend.CurrentBatch],
            Statement = trend.Statement,
            Action = $"Review the guideline and taxonomy for {trend.Type.Describe()}; the rate has risen since delivery {trend.FirstSignalBatch}.",
            FirstSeen = seenAt,
            LastSeen = seenAt,
        };
    }

    /// <summary>
    /// A <c>structural</c> finding for a concentration spread over the annotators; its identity is the error kind and the
    /// stratum levels (<c>missed|tag.time_of_day=night</c>), so the same concentration in a later delivery renews it.
    /// </summary>
    public static Finding? FromConcentration(string pipeline, string batchId, DateTimeOffset seenAt, RootCauses.Concentration c, IReadOnlySet<string>? safety)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        ArgumentNullException.ThrowIfNull(c);
        if (c.Source != RootCauses.ConcentrationSource.System)
        {
            return null;
        }

        string[] classes = [.. c.Where.Where(w => w.Stratum == RootCauses.StratumNames.Class).Select(w => w.Level)];
        var ratio = c.RateRatio ?? double.PositiveInfinity;
        return new Finding
        {
            Pipeline = pipeline,
            Kind = FindingKind.Structural,
            ErrorTypeKey = c.ErrorKind + "|" + string.Join("|", c.Where.Select(w => $"{w.Stratum}={w.Level}")),
            Severity = FindingSeverityRule.Of(FindingKind.Structural, c.Rate, ratio, classes, safety),
            Classes = classes,
            Evidence =
            [
                FindingEvidence.Of("rate", c.Rate, $"95% CI {Percent(c.RateCi95[0])}–{Percent(c.RateCi95[1])}; {Count(c.Errors)} of {Count(c.Opportunities)}"),
                FindingEvidence.Of("rest.rate", c.RestRate, $"95% CI {Percent(c.RestRateCi95[0])}–{Percent(c.RestRateCi95[1])}; {Count(c.RestErrors)} of {Count(c.RestOpportunities)}"),
                FindingEvidence.Of("elevation.ratio", ratio, whyUndefined: "no errors elsewhere"),
                FindingEvidence.Of("difference", c.Difference, $"Newcombe 95% CI {Percent(c.DifferenceCi95[0])}–{Percent(c.DifferenceCi95[1])}"),
                FindingEvidence.Of("p", c.PValue, c.Test),
                FindingEvidence.Of("q", c.QValue, "Benjamini–Hochberg"),
                FindingEvidence.Of("annotators.homogeneity.p", c.Annotators.HomogeneityP ?? double.NaN, c.Annotators.Method, HomogeneityTest.WhyNotDefined),
                .. c.Annotators.PerAnnotator.Select(a => FindingEvidence.Of($"annotator.{a.Annotator}.rate", a.Rate,
                    $"{Count(a.Errors)} of {Count(a.Opportunities)}; elsewhere {Percent(a.RestRate ?? double.NaN, "no opportunities elsewhere")}")),
            ],
            Batches = [batchId],
            Statement = c.Statement,
            Action = $"Fix the guideline, tool or data for {RootCauses.ConcentrationWording.Where(c.Where)}: every annotator errs there, so coaching one person will not help.",
            FirstSeen = seenAt,
            LastSeen = seenAt,
        };
    }

    private static IEnumerable<FindingEvidence> VerdictEvidence(ErrorSourceVerdict v)
    {
        var e = v.Elevation;
        yield return Rate("rate", v.Pooled, "no opportunities");
        yield return FindingEvidence.Of("baseline.rate", e.ReferenceRate, v.Baseline is { } b ? $"{Count(b.Errors)} of {Count(b.Opportunities)}" : null, ElevationTest.WhyNotTested);
        yield return FindingEvidence.Of("elevation.ratio", e.RateRatio, whyUndefined: e.WhyRatioUndefined);
        yield return FindingEvidence.Of("elevation.p", e.PValue, e.Method, ElevationTest.WhyNotTested);
        yield return FindingEvidence.Of("elevation.adjustedP", e.AdjustedPValue, whyUndefined: ElevationTest.WhyNotTested);
        var h = v.Homogeneity;
        yield return FindingEvidence.Of("homogeneity.chiSquare", h.Statistic, $"df={Count(h.DegreesOfFreedom)}; {h.Method}" + (h.Replicates > 0 ? $", {Count(h.Replicates)} tables" : string.Empty),
            HomogeneityTest.WhyNotDefined);
        yield return FindingEvidence.Of("homogeneity.p", h.PValue, whyUndefined: HomogeneityTest.WhyNotDefined);
        yield return FindingEvidence.Of("homogeneity.adjustedP", h.AdjustedPValue, whyUndefined: HomogeneityTest.WhyNotDefined);
    }

    private static FindingEvidence AnnotatorEvidence(FunnelPoint p) => FindingEvidence.Of(
        $"annotator.{p.Annotator}.rate",
        p.Rate,
        $"{Count(p.Errors)} of {Count(p.Opportunities)}; others {Percent(p.ExpectedRate, "no other annotator has opportunities")}; "
            + $"funnel upper {Percent(p.Upper, "no other annotator has opportunities")}; z={Number(p.Z, "the others' rate is 0 or 1, so it has no binomial spread")}");

    private static FindingEvidence Rate(string name, PooledRate rate, string whyUndefined) => FindingEvidence.Of(
        name,
        rate.Rate.Value,
        (rate.Opportunities == 0 ? "" : $"95% CI {Percent(rate.Rate.Lower)}–{Percent(rate.Rate.Upper)}; ") + $"{Count(rate.Errors)} of {Count(rate.Opportunities)}",
        whyUndefined);
}
