using Quality.Domain.Spc.Series;

namespace Quality.Cli.Commands;

/// <summary>One point of <see cref="SpcReport"/>; <c>value</c> is the plotted statistic (the observation for CUSUM, whose sums are <c>cusumUpper</c>/<c>cusumLower</c>).</summary>
internal sealed record SpcPointView(
    int Index, string Label, string Phase, double? Value, double? Center, double? Lcl, double? Ucl, double? Z, bool InBaseline, bool Excluded,
    double? MovingRange, double? CusumUpper, double? CusumLower, double? H)
{
    /// <summary>The assignable cause the CSV's <c>cause</c> column gives the point; null when none.</summary>
    public string? Cause { get; init; }

    public static SpcPointView From(SeriesChartPoint p) => new(
        p.Index, p.Label, p.Phase, SpcReport.Defined(p.Value), SpcReport.Defined(p.Center), SpcReport.Defined(p.Lower), SpcReport.Defined(p.Upper),
        SpcReport.Defined(p.Z), p.InBaseline, p.Excluded, SpcReport.Defined(p.MovingRange), SpcReport.Defined(p.CusumUpper),
        SpcReport.Defined(p.CusumLower), SpcReport.Defined(p.DecisionInterval))
    {
        Cause = p.AssignableCause,
    };
}
