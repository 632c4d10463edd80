using Quality.Domain.Findings;

namespace Quality.Pipeline.Monitoring;

/// <summary>One confused class pair's trend across deliveries.</summary>
public sealed record ConfusionTrendView(string Type, bool Signals, string Statement);
