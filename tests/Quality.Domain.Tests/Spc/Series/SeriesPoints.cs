using Quality.Domain.Spc.Series;

namespace Quality.Domain.Tests.Spc.Series;

/// <summary>Builds series from the arrays of the chart tests, labelled b1, b2, … in delivery order.</summary>
internal static class SeriesPoints
{
    public static SeriesPoint[] Attribute(IReadOnlyList<double> counts, double size, string phase = "", int first = 1) =>
        [.. counts.Select((c, i) => new SeriesPoint($"b{first + i}", c, size, null, phase))];

    public static SeriesPoint[] Values(IReadOnlyList<double> values, string phase = "", int first = 1) =>
        [.. values.Select((x, i) => new SeriesPoint($"b{first + i}", null, null, x, phase))];

    /// <summary>The points with the given 1-based positions carrying an assignable cause.</summary>
    public static SeriesPoint[] WithCauses(SeriesPoint[] points, params (int Index, string Cause)[] causes) =>
        [.. points.Select((p, i) => causes.FirstOrDefault(c => c.Index == i + 1).Cause is { } cause ? p with { AssignableCause = cause } : p)];

    /// <summary>Montgomery's Example 7.1: causes found for samples 15 and 23, none for 21.</summary>
    public static SeriesPoint[] OrangeJuiceWithCauses(IReadOnlyList<double> counts) =>
        WithCauses(Attribute(counts, 50), (15, "a new batch of cardboard stock"), (23, "an inexperienced operator"));

    public static int[] Signalled(SeriesChartResult result, Quality.Domain.Spc.SpcRule rule) =>
        [.. result.Signals.Where(s => s.Rule == rule).Select(s => s.Points[^1])];
}
