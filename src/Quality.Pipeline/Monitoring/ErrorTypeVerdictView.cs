using Quality.Domain.Findings;

namespace Quality.Pipeline.Monitoring;

/// <summary>One error type of the batch: its pooled count, the verdict on where it comes from, and why.</summary>
public sealed record ErrorTypeVerdictView(
    string Type, string Description, ErrorSource Source, long Errors, long Opportunities, IReadOnlyList<string> FlaggedAnnotators,
    string Statement, string Action);
