using Quality.Domain.Annotations;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// Streams a plain ratings table, <c>item,annotator,field,value</c> with that header, one rating per row (a missing
/// rating is simply absent), as frame tags. RFC 4180 quoting: a field may be quoted, a quote inside doubled; a quoted
/// field may not span lines. A tab-separated table with the same header is read the same way (the header's separator
/// is used for every row); rows of separators only (spreadsheets write them) are blank. Any table exported from another
/// tool can be audited this way.
/// </summary>
public sealed class RatingsCsvReader : IAnnotationReader
{
    public static readonly IReadOnlyList<string> Columns = ["item", "annotator", "field", "value"];

    /// <summary>The separators a header may use, in the order they are tried.</summary>
    public static IReadOnlyList<char> Separators => CsvCells.Separators;

    private readonly JsonLinesReader _lines;
    private readonly string _file;
    private readonly AnnotatorRole _role;
    private char _separator = ',';
    private bool _headerRead;

    /// <param name="role">The role of every rating in the file (the delivery declares it; the table has no column for it).</param>
    public RatingsCsvReader(Stream stream, string file, AnnotatorRole role = AnnotatorRole.Annotator)
    {
        _lines = new JsonLinesReader(stream, file);
        _file = file;
        _role = role;
    }

    /// <summary>The header line as each separator writes it.</summary>
    public static IEnumerable<string> Headers => Separators.Select(separator => string.Join(separator, Columns));

    /// <summary>The next rating, or null at the end of the file.</summary>
    /// <exception cref="DeliveryFormatException">A malformed row; names the line and the column.</exception>
    public async ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_headerRead)
        {
            var header = await _lines.ReadLineAsync(cancellationToken)
                ?? throw new DeliveryFormatException(_file, 0, null, $"is empty; a ratings table starts with the header {string.Join(',', Columns)}");
            _separator = CsvCells.SeparatorOf(CsvCells.Decode(header.Span, _file, _lines.LineNumber), _file, _lines.LineNumber);
            var names = Split(header.Span, _lines.LineNumber);
            if (!names.SequenceEqual(Columns, StringComparer.Ordinal))
            {
                throw new DeliveryFormatException(_file, _lines.LineNumber, null,
                    $"the header is '{string.Join(',', names)}'; expected '{string.Join(',', Columns)}'");
            }

            _headerRead = true;
        }

        List<string> cells;
        long number;
        do
        {
            if (await _lines.ReadLineAsync(cancellationToken) is not { } line)
            {
                return null;
            }

            number = _lines.LineNumber;
            cells = Split(line.Span, number);
        }
        while (CsvCells.IsEmptyRow(cells));
        if (cells.Count != Columns.Count)
        {
            throw new DeliveryFormatException(_file, number, null, $"has {cells.Count} columns; expected {Columns.Count} ({string.Join(',', Columns)})");
        }

        for (var c = 0; c < cells.Count; c++)
        {
            if (cells[c].Length == 0 || cells[c].Length > Canonical.CanonicalFormat.MaxIdLength || cells[c].Any(char.IsControl))
            {
                throw new DeliveryFormatException(_file, number, Columns[c],
                    $"must be 1 to {Canonical.CanonicalFormat.MaxIdLength} characters without control characters");
            }
        }

        return new Annotation(cells[0], cells[1], _role, cells[2], cells[3], number);
    }

    private List<string> Split(ReadOnlySpan<byte> utf8, long line) =>
        CsvCells.Split(CsvCells.Decode(utf8, _file, line), _separator, _file, line, Column);

    private static string? Column(int index) => index < Columns.Count ? Columns[index] : null;

    public void Dispose() => _lines.Dispose();
}
