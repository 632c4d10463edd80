namespace Quality.Pipeline.Monitoring;

/// <summary>
/// A completed batch as the monitored series see it: where it sits in delivery order (<paramref name="DeliveredTime"/>,
/// when it arrived) and which <paramref name="Phase"/> of the process it belongs to (the taxonomy version its figures
/// were computed under: limits are re-estimated when it changes).
/// </summary>
public sealed record SeriesBatch(string Pipeline, string? Vendor, string BatchId, DateTimeOffset DeliveredTime, string Phase);
