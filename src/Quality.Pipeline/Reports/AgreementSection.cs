using Quality.Domain.Audit;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>Agreement per field and per class with 95% intervals (a forest plot), and the suite's other coefficients per field.</summary>
/// <param name="Consensus">Agreement over consensus objects (existence, class, geometry) when the batch has boxes or cuboids.</param>
public sealed record AgreementSection(
    AgreementSuiteView? Suite, ConsensusAgreementView? Consensus, IReadOnlyList<ForestRow> Rows, ChartFigure? Forest, string? Missing);
