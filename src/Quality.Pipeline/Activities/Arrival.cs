using Quality.Pipeline.Runs;

namespace Quality.Pipeline.Activities;

/// <summary>A delivery that arrived: the run it is (its id is the audit's instance id) and that run's status now.</summary>
public sealed record Arrival(string RunId, RunStatus Status);
