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
    /// <param name="earlier">Every earlier batch's stored counts, in delivery order (the offline audit passes none).</param>
    public static BatchFindings Detect(SeriesBatch batch, BatchErrorCounts current, IReadOnlyList<StoredErrorCounts> earlier, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Detect(batch, current, ErrorTotals.Of(batch, earlier), seenAt);
    }

    /// <param name="history">The pipeline's running totals before this batch (<see cref="ErrorTotals.Before"/>).</param>
    public static BatchFindings Detect(SeriesBatch batch, BatchErrorCounts current, ErrorHistory history, DateTimeOffset seenAt)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(history);
        var types = current.Types().ToList();
        // Each type's recent earlier deliveries that had the chance of it, for the trend; the baseline pools all of them.
        var histories = types.Select(t => history.Deliveries(t.Kind, t.Subject, t.LabeledAs)).ToList();
        var observations = types.Select(t => new ErrorObservation(TypeOf(t), t.Annotators, history.Baseline(t.Kind, t.Subject, t.LabeledAs))).ToList();
        var verdicts = ErrorSourceAnalysis.Analyze(observations);
        var findings = verdicts.SelectMany(v => Finding.FromVerdict(batch.Pipeline, batch.BatchId, seenAt, v)).ToList();
        var trends = new List<ConfusionTrendResult>();
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].Kind != BatchErrorCounts.Confusion || histories[i].Count == 0)
            {
                continue;
            }

            var (errors, opportunities) = current.Pooled(types[i].Kind, types[i].Subject, types[i].LabeledAs);
            var trend = ConfusionTrend.Analyze(TypeOf(types[i]), [.. histories[i], new DeliveryCount(batch.BatchId, errors, opportunities)]);
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
        BatchErrorCounts.Tag => TagType(type),
        _ => ErrorType.TaxonomyRule(type.Subject),
    };

    private static ErrorType TagType(ErrorTypeCounts type)
    {
        var (field, gold) = BatchErrorCounts.TagField(type.Subject);
        return ErrorType.Tag(field, gold, type.LabeledAs);
    }
}
