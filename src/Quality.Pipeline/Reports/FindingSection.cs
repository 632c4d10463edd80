using Quality.Pipeline.Monitoring;

namespace Quality.Pipeline.Reports;

/// <summary>The findings the batch raised, each with its evidence and the action it calls for, and the verdict on every error type.</summary>
public sealed record FindingSection(IReadOnlyList<FindingBlock> Findings, IReadOnlyList<ErrorTypeVerdictView> ErrorTypes, string? Missing);
