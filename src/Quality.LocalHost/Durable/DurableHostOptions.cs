namespace Quality.LocalHost.Durable;

/// <summary>
/// The task hub and its Azure Storage provider settings. Read first from host.json (<c>extensions.durableTask</c>, the
/// names the Functions host reads in Azure), then from the dev host's <c>Durable</c> section, which shortens the times
/// that decide how fast work resumes after a crash on one machine.
/// </summary>
internal sealed class DurableHostOptions
{
    public const string Section = "Durable";

    /// <summary>host.json <c>hubName</c>; a storage prefix (tests) is put in front of it.</summary>
    public string HubName { get; set; } = "QualityAudit";

    /// <summary>Control queues: the bound on orchestrations processed in parallel.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>Idle queue polling backs off up to this: the latency of a first message after a quiet spell.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A dequeued message a killed process held becomes visible again after this: how soon its work resumes.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A partition lease not renewed for this long (its owner died) is taken by another worker.</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a read or write of the partition table may take; one that takes longer counts as a lost lease.</summary>
    public TimeSpan PartitionTableOperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10;

    /// <summary>
    /// Process orchestrations and activities in this host. False makes a host that serves the API and starts audits
    /// for other hosts on the same task hub to run (and lets tests hold a run where it is).
    /// </summary>
    public bool Worker { get; set; } = true;
}
