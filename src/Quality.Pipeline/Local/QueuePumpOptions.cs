namespace Quality.Pipeline.Local;

/// <summary>How the local queue pump receives, leases and retries messages (the host.json queue settings' local twins).</summary>
public sealed class QueuePumpOptions
{
    public const string Section = "Local";

    /// <summary>Messages received at once per queue (the host's batchSize).</summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>How long a received message stays invisible; renewed while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay before a failed message is visible again (host.json queues.visibilityTimeout).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Fault injection for resilience tests only: kill this process, without any clean-up, right after the N-th
    /// message has been processed and before it is deleted — the worst moment to die.
    /// </summary>
    public int? KillAfterMessages { get; set; }
}
