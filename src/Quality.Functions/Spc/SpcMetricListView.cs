namespace Quality.Functions.Spc;

/// <summary>The metrics a pipeline's deliveries are charted on.</summary>
internal sealed record SpcMetricListView(string Pipeline, IReadOnlyList<SpcMetricView> Metrics);

/// <summary>One monitored metric: its name (the chart's route), its kind (proportion, rate, continuous) and what it measures.</summary>
internal sealed record SpcMetricView(string Name, string Kind, string Description);
