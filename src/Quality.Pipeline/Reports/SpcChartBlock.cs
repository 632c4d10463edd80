using Quality.Pipeline.Reports.Charts;

namespace Quality.Pipeline.Reports;

/// <summary>One control chart: the series, how it was charted, and the rules that fired (in words) at this batch and before.</summary>
/// <param name="Settings">Chart, rules and baseline, and where each came from.</param>
/// <param name="AtThisBatch">The rules that fired with this batch as the completing point.</param>
public sealed record SpcChartBlock(string Metric, string? Subject, string Status, string Settings, ChartFigure Figure, IReadOnlyList<string> AtThisBatch, IReadOnlyList<string> Signals);
