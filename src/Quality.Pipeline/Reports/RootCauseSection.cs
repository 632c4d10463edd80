using Quality.Domain.RootCauses;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>Where errors concentrate: the ranked concentrations, a forest plot of their differences, and the tests counted.</summary>
/// <param name="Ranked">At most <see cref="RootCausePart.Shown"/> concentrations, most excess errors first.</param>
/// <param name="Tested">(error kind, stratum) tests with a p-value: the Benjamini–Hochberg family.</param>
public sealed record RootCauseSection(IReadOnlyList<Concentration> Ranked, int Total, int Tested, ChartFigure? Chart, string? Method, string? Missing);
