namespace Quality.LocalHost.Triggers;

/// <summary>How the dev host emulates the Functions host's non-HTTP triggers.</summary>
internal sealed class TriggerOptions
{
    public const string Section = "Triggers";

    /// <summary>How often blob-triggered containers are listed: the arrival latency Event Grid has in Azure (about a second).</summary>
    public TimeSpan BlobScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per blob version before a failing blob trigger gives up on it (the Functions host's default is 5).</summary>
    public int MaxBlobAttempts { get; set; } = 5;

    /// <summary>Watch the blob triggers' containers; off, a blob-triggered function runs only when invoked.</summary>
    public bool Blobs { get; set; } = true;

    /// <summary>Run the timer triggers on their schedules.</summary>
    public bool Timers { get; set; } = true;
}
