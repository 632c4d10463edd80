namespace Quality.Functions.Orchestration;

/// <summary>Shards <c>First</c> … <c>First + Count − 1</c> of a run: the input of a fan-out.</summary>
internal sealed record ShardRange(string RunId, int First, int Count);
