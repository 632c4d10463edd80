namespace Quality.Functions.Local;

/// <summary>
/// The local stand-ins for the Functions host's triggers: queue pumps, the blob watcher and the scheduler. They run
/// only when the process is not a custom handler under the host (no FUNCTIONS_CUSTOMHANDLER_PORT).
/// </summary>
public sealed class LocalDriverOptions
{
    public const string Section = "Local";

    public bool Enabled { get; set; } = true;

    /// <summary>Messages a pump holds at once per queue (the host's batchSize).</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>How long a received message stays invisible; renewed while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay before a failed message is visible again (host.json queues.visibilityTimeout).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Idle polling backs off up to this (host.json queues.maxPollingInterval; 2 s locally).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the blob watcher lists <c>incoming</c>.</summary>
    public TimeSpan BlobScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the sweeper looks for stuck runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The DailyRollup schedule (cron, UTC): rolls up the previous day.</summary>
    public string DailyRollupSchedule { get; set; } = "30 0 * * *";

    /// <summary>
    /// Fault injection for resilience tests only: kill this process, without any clean-up, right after the N-th
    /// message has been processed and before it is deleted — the worst moment to die.
    /// </summary>
    public int? KillAfterMessages { get; set; }
}
