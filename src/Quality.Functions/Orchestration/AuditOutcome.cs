using Quality.Pipeline.Runs;

namespace Quality.Functions.Orchestration;

/// <summary>The output of an AuditBatch orchestration: how the batch ended and over how many shards.</summary>
internal sealed record AuditOutcome(string RunId, RunStatus Status, int Shards);
