namespace Quality.Functions.Spc;

/// <summary>What <c>GET /api/pipelines/{pipeline}/spc</c> answers: the metrics a pipeline's deliveries are charted on.</summary>
internal sealed record SpcMetricListView(string Pipeline, IReadOnlyList<SpcMetricView> Metrics);
