namespace Quality.Functions.Orchestration;

/// <summary>One Compute activity's input: a computation kind over one shard of a run.</summary>
internal sealed record ShardWork(string RunId, string Kind, int Shard);
