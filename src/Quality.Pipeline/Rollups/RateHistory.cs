namespace Quality.Pipeline.Rollups;

/// <summary>The pooled rate over the deliveries of the days before the brief's day, with its Wilson 95% interval.</summary>
public sealed record RateHistory(string From, int Deliveries, long Errors, long Opportunities, double? Rate, double[]? Ci95);
