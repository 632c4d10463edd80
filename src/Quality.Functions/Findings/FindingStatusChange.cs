namespace Quality.Functions.Findings;

/// <summary>The body of <c>POST /api/findings/{id}/status</c>.</summary>
internal sealed record FindingStatusChange(string? Status);
