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
        // Each type's counts in every earlier delivery that had the chance of it, read once for the baseline and the trend.
        var histories = types.Select(t => earlier
            .Select(h => (h.BatchId, Counts: h.Errors.Pooled(t.Kind, t.Subject, t.LabeledAs)))
            .Where(d => d.Counts.Opportunities > 0)
            .Select(d => new DeliveryCount(d.BatchId, d.Counts.Errors, d.Counts.Opportunities))
            .ToList()).ToList();
        var observations = types.Select((t, i) => new ErrorObservation(TypeOf(t), t.Annotators, Baseline(histories[i]))).ToList();
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

    /// <summary>The pooled rate of an error type over earlier deliveries, or null when none had the chance of it.</summary>
    private static BaselineRate? Baseline(List<DeliveryCount> history) =>
        history.Count == 0 ? null : new BaselineRate(history.Sum(d => d.Errors), history.Sum(d => d.Opportunities));
}
