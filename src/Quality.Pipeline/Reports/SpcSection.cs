namespace Quality.Pipeline.Reports;

/// <summary>The pipeline's control charts with this batch marked.</summary>
public sealed record SpcSection(IReadOnlyList<SpcChartBlock> Charts, string? Note, string? Missing);
