using System.Globalization;
using System.Text;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Csv;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Spc.Series;

/// <summary>
/// Reads a series from CSV: a header, then one delivery per row. Columns <c>count,n</c> for the p, u and Laney charts,
/// <c>value</c> for I-MR, EWMA and CUSUM; optional <c>label</c> (default: the row's position), <c>phase</c> (default:
/// one phase) and <c>cause</c> (the assignable cause found for the delivery; empty: none, so Phase I keeps it). Header names are case-insensitive, in any order; other columns are ignored; RFC 4180 quoting.
/// </summary>
public static class SeriesCsvReader
{
    /// <exception cref="DeliveryFormatException">An empty file, a missing column, a short row, a value that is not a finite
    /// number, n ≤ 0, a negative count or count &gt; n on a p chart; names the file, the line and the column.</exception>
    public static async Task<IReadOnlyList<SeriesPoint>> ReadAsync(Stream stream, string file, ChartKind chart, CancellationToken cancellationToken)
    {
        using var lines = new JsonLinesReader(stream, file);
        var header = await lines.ReadLineAsync(cancellationToken)
            ?? throw new DeliveryFormatException(file, 0, null, $"is empty; a series starts with a header naming {Required(chart)}");
        var names = CsvCells.Split(Text(header), ',', file, lines.LineNumber, _ => null).Select(n => n.Trim()).ToList();
        var columns = new SeriesCsvColumns(names, file, lines.LineNumber, chart);
        var points = new List<SeriesPoint>();
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            var number = lines.LineNumber;
            var cells = CsvCells.Split(Text(line), ',', file, number, c => c < names.Count ? names[c] : null);
            points.Add(columns.Read(cells, number, points.Count + 1));
        }

        return points.Count > 0 ? points : throw new DeliveryFormatException(file, 0, null, "has a header but no rows");
    }

    internal static string Required(ChartKind chart) => chart.IsAttribute() ? "count,n" : "value";

    private static string Text(ReadOnlyMemory<byte> line) => Encoding.UTF8.GetString(line.Span);

    internal static double Number(string cell, string file, long line, string column) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new DeliveryFormatException(file, line, column, $"'{cell}' is not a finite number");
}
