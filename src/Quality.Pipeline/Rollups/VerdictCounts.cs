namespace Quality.Pipeline.Rollups;

/// <summary>The day's vendor deliveries by verdict; <see cref="NotJudged"/> had no standard, or did not complete.</summary>
public sealed record VerdictCounts(int Accepted, int AcceptedWithFindings, int Rejected, int NotJudged);
