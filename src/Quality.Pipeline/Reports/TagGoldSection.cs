using Quality.Domain.Audit.Tags;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>
/// Frame tags against gold: per field and annotator accuracy and Cohen's kappa with intervals (a table and a forest
/// plot of kappa), and the confusion of the weakest field as a heat map.
/// </summary>
public sealed record TagGoldSection(TagGoldView? Tags, ChartFigure? Forest, ChartFigure? WeakestConfusion, string? Missing);
