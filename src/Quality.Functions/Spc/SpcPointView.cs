namespace Quality.Functions.Spc;

/// <summary>One delivery on the chart: its counts, the plotted statistic, the limits it is judged against, and the rules it completes.</summary>
internal sealed record SpcPointView(
    int Index, string Batch, DateTimeOffset DeliveredTime, string Phase, double? Count, double? N, double? Value, double? Center,
    double? Lcl, double? Ucl, double? Z, bool InBaseline, bool Excluded, double? CusumUpper, double? CusumLower, IReadOnlyList<string> Signals)
{
    /// <summary>What the delivery's findings diagnosed (its assignable cause), or null.</summary>
    public string? AssignableCause { get; init; }
}
