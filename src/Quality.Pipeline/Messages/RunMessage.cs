namespace Quality.Pipeline.Messages;

/// <summary>An ingest or finalize work item: a reference to the run, never its data (claim check).</summary>
public sealed record RunMessage(int V, string RunId)
{
    public const int CurrentVersion = 1;

    public static RunMessage For(string runId) => new(CurrentVersion, runId);
}
