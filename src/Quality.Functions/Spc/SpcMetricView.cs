namespace Quality.Functions.Spc;

/// <summary>A monitored metric: its name, its kind (<c>Proportion</c>, <c>RatePerUnit</c>, <c>Continuous</c>) and its definition.</summary>
internal sealed record SpcMetricView(string Name, string Kind, string Description);
