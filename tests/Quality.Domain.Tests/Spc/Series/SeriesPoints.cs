using Quality.Domain.Spc.Series;

namespace Quality.Domain.Tests.Spc.Series;

/// <summary>Builds series from the arrays of the chart tests, labelled b1, b2, … in delivery order.</summary>
internal static class SeriesPoints
{
    public static SeriesPoint[] Attribute(IReadOnlyList<double> counts, double size, string phase = "", int first = 1) =>
        [.. counts.Select((c, i) => new SeriesPoint($"b{first + i}", c, size, null, phase))];

    public static SeriesPoint[] Values(IReadOnlyList<double> values, string phase = "", int first = 1) =>
        [.. values.Select((x, i) => new SeriesPoint($"b{first + i}", null, null, x, phase))];

    public static int[] Signalled(SeriesChartResult result, Quality.Domain.Spc.SpcRule rule) =>
        [.. result.Signals.Where(s => s.Rule == rule).Select(s => s.Points[^1])];
}
