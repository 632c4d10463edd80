namespace Quality.Domain.Standards;

/// <summary>
/// One measured figure of a batch that a standard's rule is checked against: a metric (<c>alpha</c>, <c>gold-f1</c>, …)
/// of a subject (a field, class or taxonomy rule; null for the batch as a whole), its point estimate, the bounds of its
/// 95% interval when one exists, the n it rests on, and how the interval was made (<c>wilson</c>,
/// <c>wilson-jaccard</c>, <c>bootstrap-percentile</c>, <c>standard-error</c>). Never NaN: an undefined figure is no
/// measurement at all.
/// </summary>
public readonly record struct Measurement(string Metric, string? Subject, double Value, double? Lower, double? Upper, long N, string? IntervalMethod)
{
    public bool HasInterval => Lower is not null && Upper is not null;
}
