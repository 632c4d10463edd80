namespace Quality.Pipeline.Reports.Charts;

/// <summary>The figures behind a chart as rows of text, for readers who cannot or would rather not read the chart.</summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
