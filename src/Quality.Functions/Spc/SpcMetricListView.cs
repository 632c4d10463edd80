namespace Quality.Functions.Spc;

/// <summary>
/// What <c>GET /api/pipelines/{pipeline}/spc</c> answers: the metrics a pipeline's deliveries are charted on. The function
/// writes it as an anonymous object; this names its shape for the API's description.
/// </summary>
internal sealed record SpcMetricListView(string Pipeline, IReadOnlyList<SpcMetricView> Metrics);
