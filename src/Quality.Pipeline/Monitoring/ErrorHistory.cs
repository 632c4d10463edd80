using Quality.Domain.Findings;

namespace Quality.Pipeline.Monitoring;

/// <summary>What a batch's findings are judged against: the totals of the deliveries before it and their recent window.</summary>
public sealed class ErrorHistory
{
    private readonly ErrorTotals _earlier;

    internal ErrorHistory(ErrorTotals earlier) => _earlier = earlier;

    /// <summary>No earlier delivery (the offline audit).</summary>
    public static ErrorHistory None { get; } = new(new ErrorTotals());

    /// <summary>The pooled rate of an error type over earlier deliveries, or null when none had the chance of it.</summary>
    public BaselineRate? Baseline(string kind, string subject, string? labeledAs)
    {
        var opportunities = _earlier.Opportunities(kind, subject);
        return opportunities == 0 ? null : new BaselineRate(_earlier.Errors(kind, subject, labeledAs), opportunities);
    }

    /// <summary>The recent earlier deliveries that had the chance of the error type, in delivery order.</summary>
    public IReadOnlyList<DeliveryCount> Deliveries(string kind, string subject, string? labeledAs) =>
        [.. _earlier.Recent.Select(b => new DeliveryCount(b.BatchId, b.Errors.Where(e => e.Kind == kind && e.Subject == subject && e.LabeledAs == labeledAs).Sum(e => e.Count),
                b.Opportunities.Where(o => (o.Group, o.Subject) == ErrorTotalsBatch.OpportunityKey(kind, subject)).Sum(o => o.Count)))
            .Where(d => d.Opportunities > 0)];
}
