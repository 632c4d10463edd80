using Quality.Domain.Sampling;
using Quality.Pipeline.Sampling;

namespace Quality.Pipeline.Reports;

/// <summary>The review sample drawn for the batch and the decision on its lot, each with why it is absent when it is.</summary>
public sealed record SampleSection(AuditSample? Sample, string? SampleMissing, LotDecision? Disposition, string? DispositionMissing);
