using Quality.Domain.Audit;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>Gold class against annotated class, with missed and extra objects, as a heat map and a table.</summary>
public sealed record ConfusionSection(ConfusionView? Matrix, ChartFigure? HeatMap, string? Missing);
