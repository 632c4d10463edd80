namespace Quality.Pipeline.AuditLog;

/// <summary>
/// One change made through the API: who (the principal's name and id), when, what (an action such as
/// <c>standard.published</c>), to what (<see cref="Target"/>, e.g. <c>front-lidar@1.2.0</c>), in which pipeline, and the
/// details a reader needs to see what changed.
/// </summary>
public sealed record AuditLogEntry(
    DateTimeOffset Time,
    string Who,
    string WhoId,
    string Action,
    string? Pipeline,
    string Target,
    string? Details);
