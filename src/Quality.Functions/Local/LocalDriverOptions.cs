namespace Quality.Functions.Local;

/// <summary>
/// The local stand-ins for the Functions host's triggers: queue pumps, the blob watcher and the scheduler. They run
/// only when the process is not a custom handler under the host (no FUNCTIONS_CUSTOMHANDLER_PORT). The pump's own
/// settings are <see cref="Quality.Pipeline.Local.QueuePumpOptions"/>, in the same section.
/// </summary>
public sealed class LocalDriverOptions
{
    public const string Section = "Local";

    public bool Enabled { get; set; } = true;

    /// <summary>Idle polling backs off up to this (host.json queues.maxPollingInterval; 2 s locally).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the blob watcher lists <c>incoming</c>.</summary>
    public TimeSpan BlobScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the sweeper looks for stuck runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The DailyRollup schedule (cron, UTC): rolls up the previous day.</summary>
    public string DailyRollupSchedule { get; set; } = "30 0 * * *";
}
