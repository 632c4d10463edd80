namespace Quality.Pipeline.Runs;

/// <summary>A status change of a run, as its history row records it.</summary>
public sealed record RunTransition(RunStatus Status, DateTimeOffset Time, string Host, string? Reason);
