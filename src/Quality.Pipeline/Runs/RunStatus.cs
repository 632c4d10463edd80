namespace Quality.Pipeline.Runs;

/// <summary>The life of a run, in the spirit of Durable Functions' runtimeStatus.</summary>
public enum RunStatus
{
    /// <summary>Arrived and validated; waiting for ingest.</summary>
    Pending,

    /// <summary>Ingested; shards are being computed or merged.</summary>
    Running,

    Completed,

    /// <summary>The pipeline could not finish (a message failed every attempt, or the run was stuck); see the reason.</summary>
    Failed,

    /// <summary>The delivery itself is bad; the reason names the file, line and field. The blob is kept.</summary>
    Rejected,
}
