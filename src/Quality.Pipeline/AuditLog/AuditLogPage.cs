namespace Quality.Pipeline.AuditLog;

/// <summary>One page of the audit log, newest first, and the token for the next page.</summary>
public sealed record AuditLogPage(IReadOnlyList<AuditLogEntry> Entries, string? ContinuationToken);
