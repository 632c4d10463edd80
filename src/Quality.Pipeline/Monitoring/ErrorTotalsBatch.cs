using Quality.Domain.Audit;

namespace Quality.Pipeline.Monitoring;

/// <summary>One batch's counts, all annotators pooled: opportunities per subject, errors per type.</summary>
public sealed record ErrorTotalsBatch(string BatchId, long DeliveredTicks, IReadOnlyList<SubjectCount> Opportunities, IReadOnlyList<TypeCount> Errors)
{
    /// <summary>
    /// Gold objects of a class are the chances of its confusions and misses, gold frames of a tag value those of its tag
    /// errors, annotations checked those of every rule.
    /// </summary>
    internal static (string Group, string Subject) OpportunityKey(string kind, string subject) => kind switch
    {
        BatchErrorCounts.Rule => (BatchErrorCounts.Rule, ""),
        BatchErrorCounts.Tag => (BatchErrorCounts.Tag, subject),
        _ => ("gold", subject),
    };

    internal static ErrorTotalsBatch Of(SeriesBatch batch, BatchErrorCounts errors)
    {
        var opportunities = errors.GoldObjects
            .Select(g => new SubjectCount("gold", g.Key, g.Value.Values.Sum()))
            .Concat(errors.GoldTags.Select(g => new SubjectCount(BatchErrorCounts.Tag, g.Key, g.Value.Values.Sum())))
            .Concat(errors.Checked.Count == 0 ? [] : [new SubjectCount(BatchErrorCounts.Rule, "", errors.Checked.Values.Sum())])
            .Where(o => o.Count > 0)
            .ToList();
        var types = errors.Errors.GroupBy(e => (e.Kind, e.Subject, e.LabeledAs))
            .Select(g => new TypeCount(g.Key.Kind, g.Key.Subject, g.Key.LabeledAs, g.Sum(e => e.Count)))
            .ToList();
        return new ErrorTotalsBatch(batch.BatchId, batch.DeliveredTime.UtcTicks, opportunities, types);
    }

    /// <summary>Delivered before <paramref name="batch"/>: earlier, or at the same tick with a smaller id (ordinal).</summary>
    internal bool IsEarlierThan(SeriesBatch batch) =>
        DeliveredTicks < batch.DeliveredTime.UtcTicks
        || (DeliveredTicks == batch.DeliveredTime.UtcTicks && string.CompareOrdinal(BatchId, batch.BatchId) < 0);
}
