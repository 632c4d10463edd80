namespace Quality.Pipeline.Reports.Charts;

/// <summary>
/// One row of a forest plot: an estimate with its 95% interval, in a group (a field, an annotator, a rule).
/// </summary>
/// <param name="Group">Rows of a group share a colour and marker; the legend names the groups.</param>
/// <param name="Label">The row's name on the axis.</param>
/// <param name="Estimate">The point estimate; null when undefined (the row says so).</param>
/// <param name="Lower">The interval's lower bound; null without an interval (no bar is drawn).</param>
/// <param name="Threshold">A value the row is held to (a standard's bound), drawn as a tick on the row.</param>
/// <param name="Detail">The row's figures in words: the bar's title and the table's last column.</param>
public sealed record ForestRow(string Group, string Label, double? Estimate, double? Lower, double? Upper, string Detail)
{
    public double? Threshold { get; init; }

    /// <summary>Overrides the group's colour, e.g. passed / failed rules.</summary>
    public string? Status { get; init; }
}
