using System.Globalization;

namespace Quality.Domain.Spc.Series;

/// <summary>Checks a series before charting: every point has the fields its chart needs, in range.</summary>
internal static class SeriesInput
{
    /// <exception cref="ArgumentException">Names the point's position, label and field.</exception>
    public static void Validate(IReadOnlyList<SeriesPoint> points, ChartKind chart)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i] ?? throw new ArgumentException($"Point {i + 1} is null.", nameof(points));
            if (point.Label is null || point.Phase is null)
            {
                throw new ArgumentException($"Point {i + 1}: Label and Phase must not be null.", nameof(points));
            }

            if (!chart.IsAttribute())
            {
                Require(point, i, nameof(points), nameof(SeriesPoint.Value), point.Value, chart, v => double.IsFinite(v), "finite");
                continue;
            }

            var size = Require(point, i, nameof(points), nameof(SeriesPoint.Size), point.Size, chart, v => v > 0 && double.IsFinite(v), "positive and finite");
            var count = Require(point, i, nameof(points), nameof(SeriesPoint.Count), point.Count, chart, v => v >= 0 && double.IsFinite(v), "non-negative and finite");
            if (chart.IsProportion() && count > size)
            {
                throw new ArgumentException(Where(point, i) + string.Create(CultureInfo.InvariantCulture, $"Count {count} exceeds Size {size}; a {chart.ToName()} chart needs Count ≤ Size."), nameof(points));
            }
        }
    }

    private static double Require(SeriesPoint point, int index, string paramName, string field, double? value, ChartKind chart, Func<double, bool> valid, string range)
    {
        if (value is not { } v)
        {
            throw new ArgumentException(Where(point, index) + $"{field} is required for a {chart.ToName()} chart.", paramName);
        }

        return valid(v) ? v : throw new ArgumentException(Where(point, index) + $"{field} must be {range}.", paramName);
    }

    private static string Where(SeriesPoint point, int index) => $"Point {index + 1} ('{point.Label}'): ";
}
