namespace Quality.Domain.Sampling;

/// <summary>An item drawn for review, with its first-order inclusion probability π_i (its design weight is 1/π_i).</summary>
public sealed record SampledItem(string ItemId, string Stratum, double InclusionProbability);
