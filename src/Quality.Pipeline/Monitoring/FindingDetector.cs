using Quality.Domain.Audit;
using Quality.Domain.Findings;

namespace Quality.Pipeline.Monitoring;

/// <summary>
/// Turns a batch's error counts and its pipeline's earlier batches into findings: each error type's verdict (system
/// error, individual error, insufficient evidence) against the pooled rate of earlier deliveries, and each confused
/// class pair's CUSUM across deliveries. Pure: the same counts and history give the same findings.
/// </summary>
public static class FindingDetector
{
    public static BatchFindings Detect(SeriesBatch batch, BatchErrorCounts current, IReadOnlyList<StoredErrorCounts> earlier, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(earlier);
        var types = current.Types().ToList();
        var observations = types.Select(t => new ErrorObservation(
            TypeOf(t),
            [.. t.Annotators.Select(a => new AnnotatorErrors(a.Annotator, a.Errors, a.Opportunities))],
            Baseline(earlier, t))).ToList();
        var verdicts = ErrorSourceAnalysis.Analyze(observations);
        var findings = verdicts.Select(v => Finding.FromVerdict(batch.Pipeline, batch.BatchId, seenAt, v)).OfType<Finding>().ToList();
        var trends = new List<ConfusionTrendResult>();
        foreach (var type in types.Where(t => t.Kind == BatchErrorCounts.Confusion))
        {
            var deliveries = earlier.Select(h => (h.BatchId, Counts: h.Errors.Pooled(type.Kind, type.Subject, type.LabeledAs)))
                .Append((batch.BatchId, Counts: current.Pooled(type.Kind, type.Subject, type.LabeledAs)))
                .Where(d => d.Counts.Opportunities > 0)
                .Select(d => new DeliveryCount(d.BatchId, d.Counts.Errors, d.Counts.Opportunities))
                .ToList();
            if (deliveries.Count < 2)
            {
                continue;
            }

            var trend = ConfusionTrend.Analyze(TypeOf(type), deliveries);
            trends.Add(trend);
            if (Finding.FromConfusionTrend(batch.Pipeline, seenAt, trend) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return new BatchFindings(batch.BatchId, findings,
            [.. verdicts.Select(v => new ErrorTypeVerdictView(v.Type.Key, v.Type.Describe(), v.Source, v.Pooled.Errors, v.Pooled.Opportunities,
                v.FlaggedAnnotators, v.Statement, v.Action))],
            [.. trends.Select(t => new ConfusionTrendView(t.Type.Key, t.Signals, t.Statement))]);
    }

    private static ErrorType TypeOf(ErrorTypeCounts type) => type.Kind switch
    {
        BatchErrorCounts.Confusion => ErrorType.Confusion(type.Subject, type.LabeledAs!),
        BatchErrorCounts.Miss => ErrorType.Miss(type.Subject),
        _ => ErrorType.TaxonomyRule(type.Subject),
    };

    /// <summary>The pooled rate of this error type over earlier deliveries, or null when they never had the chance of it.</summary>
    private static BaselineRate? Baseline(IReadOnlyList<StoredErrorCounts> earlier, ErrorTypeCounts type)
    {
        var (errors, opportunities) = (0L, 0L);
        foreach (var history in earlier)
        {
            var (e, n) = history.Errors.Pooled(type.Kind, type.Subject, type.LabeledAs);
            (errors, opportunities) = (errors + e, opportunities + n);
        }

        return opportunities == 0 ? null : new BaselineRate(errors, opportunities);
    }
}
