namespace Quality.Functions.Orchestration;

/// <summary>The steps of an audit, in order.</summary>
internal enum AuditPhase
{
    Ingesting,
    Computing,
    Finalizing,
    Ended,
}
