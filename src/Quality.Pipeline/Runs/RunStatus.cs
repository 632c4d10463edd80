namespace Quality.Pipeline.Runs;

/// <summary>The life of a batch as the API lists it; the orchestration's own runtime status is served at /api/runs/{id}.</summary>
public enum RunStatus
{
    /// <summary>Arrived and validated; waiting for ingest.</summary>
    Pending,

    /// <summary>Ingested; shards are being computed or merged.</summary>
    Running,

    Completed,

    /// <summary>The pipeline could not finish (a step failed on every retry); see the reason.</summary>
    Failed,

    /// <summary>The delivery itself is bad; the reason names the file, line and field. The blob is kept.</summary>
    Rejected,
}
