namespace Quality.Pipeline.Monitoring;

/// <summary>A batch's figure in a series, as stored: count and size for proportions and rates, value for the rest.</summary>
public sealed record StoredSeriesPoint(
    string BatchId, string? Vendor, DateTimeOffset DeliveredTime, string Phase, double? Count, double? Size, double? Value);
