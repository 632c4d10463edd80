using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// Streams a units × coders table — one row per unit (item), one column per coder, each cell the value that coder gave
/// the unit — as frame tags of one field. It is Krippendorff's reliability data with units as rows, the layout R's irr
/// and krippendorff packages and ReCal take: a header naming the unit column (any name, e.g. <c>item_id</c>) and then
/// the coders (<c>item_id,ann-01,ann-02</c>). An empty cell, or <c>NA</c>, <c>N/A</c>, <c>.</c> or <c>*</c>, is a
/// missing value; spaces around a cell are not part of it. Comma- or tab-separated, RFC 4180 quoting, rows of separators
/// only skipped, as in <see cref="RatingsCsvReader"/>.
/// </summary>
public sealed class UnitsByCodersCsvReader : IAnnotationReader
{
    /// <summary>The field the values are of when the delivery names none.</summary>
    public const string DefaultField = "value";

    /// <summary>What the tools that write such tables put in a cell for "no value".</summary>
    public static readonly IReadOnlyList<string> MissingMarkers = ["", "NA", "N/A", ".", "*"];

    private readonly JsonLinesReader _lines;
    private readonly string _file;
    private readonly string _field;
    private readonly AnnotatorRole _role;
    private readonly Queue<Annotation> _pending = new();
    private List<string>? _coders;
    private string _unitColumn = "item";
    private char _separator = ',';

    /// <param name="field">The field every value is of (the table holds one); <see cref="DefaultField"/> when null.</param>
    /// <param name="role">The role of every value (the table has no column for it).</param>
    public UnitsByCodersCsvReader(Stream stream, string file, string? field = null, AnnotatorRole role = AnnotatorRole.Annotator)
    {
        _lines = new JsonLinesReader(stream, file);
        _file = file;
        _field = field ?? DefaultField;
        _role = role;
    }

    /// <summary>The next value, or null at the end of the file.</summary>
    /// <exception cref="DeliveryFormatException">A malformed header or row; names the line and the column.</exception>
    public async ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken)
    {
        _coders ??= await ReadHeaderAsync(cancellationToken);
        while (_pending.Count == 0)
        {
            if (await _lines.ReadLineAsync(cancellationToken) is not { } line)
            {
                return null;
            }

            ReadRow(CsvCells.Decode(line.Span, _file, _lines.LineNumber), _lines.LineNumber, _coders);
        }

        return _pending.Dequeue();
    }

    private async Task<List<string>> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var header = await _lines.ReadLineAsync(cancellationToken)
            ?? throw new DeliveryFormatException(_file, 0, null, "is empty; a units × coders table starts with a header: the unit column, then one column per coder");
        var number = _lines.LineNumber;
        var text = CsvCells.Decode(header.Span, _file, number);
        _separator = CsvCells.SeparatorOf(text, _file, number);
        var names = CsvCells.Split(text, _separator, _file, number, _ => null).Select(name => name.Trim()).ToList();
        if (names.Count < 2)
        {
            throw new DeliveryFormatException(_file, number, null,
                "the header has one column; a units × coders table has the unit column and then one column per coder");
        }

        _unitColumn = names[0].Length > 0 ? names[0] : "item";
        var coders = names.Skip(1).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < coders.Count; c++)
        {
            if (!CanonicalFormat.IsValidId(coders[c]))
            {
                throw new DeliveryFormatException(_file, number, $"column {c + 2}",
                    $"a coder's name must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
            }

            if (!seen.Add(coders[c]))
            {
                throw new DeliveryFormatException(_file, number, coders[c], $"names coder '{coders[c]}' a second time (column {c + 2})");
            }
        }

        return coders;
    }

    private void ReadRow(string text, long number, List<string> coders)
    {
        var cells = CsvCells.Split(text, _separator, _file, number, c => c == 0 ? _unitColumn : c <= coders.Count ? coders[c - 1] : null);
        if (CsvCells.IsEmptyRow(cells))
        {
            return;
        }

        if (cells.Count != coders.Count + 1)
        {
            throw new DeliveryFormatException(_file, number, null,
                $"has {cells.Count} columns; the header has {coders.Count + 1} (the unit and {coders.Count} coders)");
        }

        var item = cells[0].Trim();
        if (!CanonicalFormat.IsValidId(item))
        {
            throw new DeliveryFormatException(_file, number, _unitColumn, $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
        }

        for (var c = 0; c < coders.Count; c++)
        {
            var value = cells[c + 1].Trim();
            if (MissingMarkers.Contains(value, StringComparer.Ordinal))
            {
                continue;
            }

            if (!CanonicalFormat.IsValidId(value))
            {
                throw new DeliveryFormatException(_file, number, coders[c], $"must be at most {CanonicalFormat.MaxIdLength} characters without control characters");
            }

            _pending.Enqueue(new Annotation(item, coders[c], _role, _field, value, number));
        }
    }

    public void Dispose() => _lines.Dispose();
}
