using Quality.Domain.Findings;
using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Dashboard;

/// <summary>
/// One pipeline on the dashboard: its vendors, its latest control chart (the headline series with the newest delivery
/// marked) or why there is none, and its open findings, newest first.
/// </summary>
public sealed record DashboardPipeline(
    string Name, IReadOnlyList<DashboardVendor> Vendors, ChartFigure? Spc, string? SpcMissing, IReadOnlyList<Finding> OpenFindings);
