using Quality.Domain.Findings;

namespace Quality.Pipeline.Monitoring;

/// <summary>What <c>GET /api/batches/{id}/findings</c> serves: the findings a batch raised or renewed, and the evidence behind every error type.</summary>
public sealed record BatchFindings(
    string Batch, IReadOnlyList<Finding> Findings, IReadOnlyList<ErrorTypeVerdictView> ErrorTypes, IReadOnlyList<ConfusionTrendView> ConfusionTrends);
