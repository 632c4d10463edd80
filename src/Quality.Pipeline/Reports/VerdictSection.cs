using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>The verdict, the one sentence that says why, and every rule of the standard with the figure it judged.</summary>
/// <param name="Outcome">accepted, acceptedWithFindings or rejected; null without a standard.</param>
/// <param name="Reason">One sentence: the outcome and the figures that decided it.</param>
public sealed record VerdictSection(
    string? Outcome, string Reason, string? Standard, int OpenFindings, IReadOnlyList<VerdictRuleRow> Rules, ChartFigure? Chart, string? Missing);
