using Quality.Domain.Audit;
using Quality.Domain.Spc.Series;
using Quality.Pipeline.Monitoring;

namespace Quality.Pipeline.Reports;

/// <summary>One monitored series of the batch's pipeline, charted up to and including the batch (<paramref name="Marked"/>).</summary>
/// <param name="Subject">The class, field or rule of the series; null for the batch as a whole.</param>
/// <param name="Marked">1-based index of the batch in the series.</param>
/// <param name="ChartReason">Why this chart (e.g. "set by the standard …", or the dispersion that chose Laney's).</param>
public sealed record ReportSeries(MonitoredMetric Metric, string? Subject, SeriesChartResult Chart, int Marked, string ChartReason, SeriesSettings Settings);
