namespace Quality.Functions.Orchestration;

/// <summary>The FailRun activity's input: the run that could not finish and why, as the user will read it.</summary>
internal sealed record RunFailure(string RunId, string Reason);
