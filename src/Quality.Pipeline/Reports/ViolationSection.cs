using Quality.Domain.Taxonomy;

namespace Quality.Pipeline.Reports;

/// <summary>Taxonomy violations per rule with rates, intervals and examples; or why nothing was checked.</summary>
public sealed record ViolationSection(string? Taxonomy, ViolationTallyView? Tally, string? Missing);
