namespace Quality.Pipeline.Messages;

/// <summary>One compute work item: one computation kind over one shard of a run.</summary>
public sealed record ComputeMessage(int V, string RunId, string Kind, int Shard)
{
    public static ComputeMessage For(string runId, string kind, int shard) => new(RunMessage.CurrentVersion, runId, kind, shard);

    /// <summary>The work item's key within its run: the completion row and the partial blob are named after it.</summary>
    public string WorkKey => WorkKeys.For(Kind, Shard);
}
