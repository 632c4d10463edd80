namespace Quality.Functions.Orchestration;

/// <summary>The orchestration's custom status: the step it is at and the shards it fans out over.</summary>
internal sealed record AuditProgress(AuditPhase Phase, int Shards);
