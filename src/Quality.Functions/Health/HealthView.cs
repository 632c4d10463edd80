namespace Quality.Functions.Health;

/// <summary>The app's health: <c>healthy</c> only when storage and the task hub are both <c>up</c>.</summary>
internal sealed record HealthView(string Status, string Version, DateTimeOffset CheckedAt, StorageHealthView Storage, TaskHubHealthView TaskHub)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string Up = "up";
    public const string Down = "down";

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHealthy => Status == Healthy;
}

/// <summary>Storage: <c>up</c> when every container and table answers; otherwise each one that does not, and how.</summary>
internal sealed record StorageHealthView(string Status, long ElapsedMilliseconds, IReadOnlyList<string> Problems);

/// <summary>
/// The Durable task hub: <c>up</c> when it answers a query of its instances, with how many are pending or running (at
/// most <see cref="HealthCheck.CountedInstances"/> counted; <see cref="MoreThanCounted"/> says there are more) and
/// when the oldest of them was created — an old one is an audit that is stuck.
/// </summary>
internal sealed record TaskHubHealthView(string Status, string Name, int? PendingOrRunning, bool MoreThanCounted, DateTimeOffset? OldestCreatedAt, string? Problem);
