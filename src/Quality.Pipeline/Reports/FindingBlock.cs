using Quality.Domain.Findings;

namespace Quality.Pipeline.Reports;

/// <summary>One finding as the report shows it.</summary>
/// <param name="Remedy">Who acts: "Retrain ann-03", "Fix the guideline, taxonomy or tool", "Watch the process".</param>
public sealed record FindingBlock(
    string Kind, string Severity, string Status, string ErrorType, IReadOnlyList<string> Annotators, string Statement, string Action, string Remedy,
    IReadOnlyList<FindingEvidence> Evidence, int Occurrences);
