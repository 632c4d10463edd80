using Quality.Pipeline.Runs;

namespace Quality.Pipeline.Activities;

/// <summary>What ingest decided: the run's status and, when it is Running, how many shards there are to compute.</summary>
public sealed record Ingested(RunStatus Status, int Shards)
{
    public static Ingested Of(Run? run) =>
        run is null ? throw new InvalidOperationException("The run record vanished during ingest; run records are never deleted.")
        : new Ingested(run.Status, run.Status == RunStatus.Running ? run.ShardCount : 0);
}
