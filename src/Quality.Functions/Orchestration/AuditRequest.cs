namespace Quality.Functions.Orchestration;

/// <summary>The input of an AuditBatch orchestration: the run to audit (its id is also the instance id).</summary>
internal sealed record AuditRequest(string RunId);
