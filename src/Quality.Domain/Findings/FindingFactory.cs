using static Quality.Domain.Findings.FindingText;

namespace Quality.Domain.Findings;

/// <summary>Turns verdicts and trends into findings with their evidence.</summary>
internal static class FindingFactory
{
    public static Finding? FromVerdict(string pipeline, string batchId, DateTimeOffset seenAt, ErrorSourceVerdict verdict, IReadOnlySet<string>? safety)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        ArgumentNullException.ThrowIfNull(verdict);
        FindingKind? kind = verdict.Source switch
        {
            ErrorSource.SystemError => FindingKind.SystemError,
            ErrorSource.IndividualError => FindingKind.IndividualError,
            _ => null,
        };
        if (kind is not { } k)
        {
            return null;
        }

        var flagged = verdict.Funnel.Where(p => p.FlaggedHigh).ToArray();
        var rate = k == FindingKind.SystemError ? verdict.Pooled.Rate.Value : flagged.Max(p => p.Rate);
        var ratio = k == FindingKind.SystemError ? verdict.Elevation.RateRatio : double.NaN;
        var classes = verdict.Type.Classes;
        return new Finding
        {
            Pipeline = pipeline,
            Kind = k,
            ErrorTypeKey = verdict.Type.Key,
            Severity = FindingSeverityRule.Of(k, rate, ratio, classes, safety),
            Classes = classes,
            Annotators = k == FindingKind.IndividualError ? verdict.FlaggedAnnotators : [],
            Evidence = [.. VerdictEvidence(verdict), .. flagged.Select(AnnotatorEvidence)],
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
                Rate("rate", trend.Current),
                Rate("baseline.rate", trend.Baseline),
                FindingEvidence.Of("baseline.p0", trend.BaselineRate, "Jeffreys (E + 0.5)/(N + 1)"),
                FindingEvidence.Of("elevation.ratio", trend.RateRatio),
                FindingEvidence.Of("elevation.p", trend.PValue, "one-sided Fisher exact"),
                FindingEvidence.Of("cusum.upper", trend.CusumUpper[^1], $"h={Number(trend.DecisionInterval)}; above h since {trend.FirstSignalBatch}"),
            ],
            Batches = [trend.CurrentBatch],
            Statement = trend.Statement,
            Action = $"Review the guideline and taxonomy for {trend.Type.Describe()}; the rate has risen since delivery {trend.FirstSignalBatch}.",
            FirstSeen = seenAt,
            LastSeen = seenAt,
        };
    }

    private static IEnumerable<FindingEvidence> VerdictEvidence(ErrorSourceVerdict v)
    {
        yield return Rate("rate", v.Pooled);
        yield return FindingEvidence.Of("baseline.rate", v.Elevation.ReferenceRate, v.Baseline is { } b ? $"{Count(b.Errors)} of {Count(b.Opportunities)}" : null);
        yield return FindingEvidence.Of("elevation.ratio", v.Elevation.RateRatio);
        yield return FindingEvidence.Of("elevation.p", v.Elevation.PValue, v.Elevation.Method);
        yield return FindingEvidence.Of("elevation.adjustedP", v.Elevation.AdjustedPValue);
        var h = v.Homogeneity;
        yield return FindingEvidence.Of("homogeneity.chiSquare", h.Statistic, $"df={Count(h.DegreesOfFreedom)}; {h.Method}" + (h.Replicates > 0 ? $", {Count(h.Replicates)} tables" : string.Empty));
        yield return FindingEvidence.Of("homogeneity.p", h.PValue);
        yield return FindingEvidence.Of("homogeneity.adjustedP", h.AdjustedPValue);
    }

    private static FindingEvidence AnnotatorEvidence(FunnelPoint p) => FindingEvidence.Of(
        $"annotator.{p.Annotator}.rate",
        p.Rate,
        $"{Count(p.Errors)} of {Count(p.Opportunities)}; others {Percent(p.ExpectedRate)}; funnel upper {Percent(p.Upper)}; z={Number(p.Z)}");

    private static FindingEvidence Rate(string name, PooledRate rate) => FindingEvidence.Of(
        name,
        rate.Rate.Value,
        $"95% CI {Percent(rate.Rate.Lower)}–{Percent(rate.Rate.Upper)}; {Count(rate.Errors)} of {Count(rate.Opportunities)}");
}
