namespace Quality.Pipeline.Deliveries;

/// <summary>The error report written next to a quarantined copy of a rejected delivery.</summary>
public sealed record RejectionReport(string RunId, string BlobName, string File, long Line, string? Field, string Problem, string Message, DateTimeOffset RejectedTime);
