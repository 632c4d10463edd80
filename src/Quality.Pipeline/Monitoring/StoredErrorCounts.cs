using Quality.Domain.Audit;

namespace Quality.Pipeline.Monitoring;

/// <summary>One earlier batch's error counts, with its place in delivery order.</summary>
public sealed record StoredErrorCounts(string BatchId, string? Vendor, DateTimeOffset DeliveredTime, string Phase, BatchErrorCounts Errors);
