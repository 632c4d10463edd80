namespace Quality.Pipeline.Monitoring;

/// <summary>One monitored series: a metric of a pipeline, optionally of one class (field, rule) and one vendor.</summary>
public sealed record SeriesKey(string Pipeline, string Metric, string? Class, string? Vendor);
