namespace Quality.Domain.Audit;

/// <summary>
/// One figure a batch adds to a monitored series: <paramref name="Count"/> out of <paramref name="Size"/> for a
/// proportion or a rate per unit, <paramref name="Value"/> for a continuous figure. <paramref name="Class"/> is the
/// object class, frame-tag field or taxonomy rule the series is about, or null for the batch as a whole.
/// </summary>
public sealed record SeriesFigure(string Metric, string? Class, double? Count, double? Size, double? Value);
