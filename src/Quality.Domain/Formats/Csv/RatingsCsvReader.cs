using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
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

    private readonly Stream _stream;
    private readonly JsonLinesReader _lines;
    private readonly string _file;
    private readonly AnnotatorRole _role;
    private char _separator = ',';
    private bool _headerRead;

    /// <param name="role">The role of every rating in the file (the delivery declares it; the table has no column for it).</param>
    public RatingsCsvReader(Stream stream, string file, AnnotatorRole role = AnnotatorRole.Annotator)
    {
        _stream = stream;
        _lines = new JsonLinesReader(stream, file);
        _file = file;
        _role = role;
    }

    /// <summary>The role of every rating in the file.</summary>
    internal AnnotatorRole Role => _role;

    /// <summary>The file the table is read from, as errors name it.</summary>
    internal string File => _file;

    /// <summary>The stream the rows come from, not yet read (<see cref="RatingsCsvBlocks"/> reads it in blocks).</summary>
    internal Stream Stream => _stream;

    /// <summary>A reader of rows that follow a header already read, which used <paramref name="separator"/>.</summary>
    internal static RatingsCsvReader Continuing(Stream rows, string file, AnnotatorRole role, char separator) =>
        new(rows, file, role) { _separator = separator, _headerRead = true };

    /// <summary>The separator of <paramref name="line"/> if it is exactly one of <see cref="Headers"/> (after a byte order mark; before a '\r'); else null.</summary>
    internal static char? PlainHeaderSeparator(ReadOnlySpan<byte> line)
    {
        line = line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? line[3..] : line;
        line = line.EndsWith((byte)'\r') ? line[..^1] : line;
        foreach (var separator in Separators)
        {
            if (line.SequenceEqual(Encoding.UTF8.GetBytes(string.Join(separator, Columns))))
            {
                return separator;
            }
        }

        return null;
    }

    /// <summary>The header line as each separator writes it.</summary>
    public static IEnumerable<string> Headers => Separators.Select(separator => string.Join(separator, Columns));

    /// <summary>The next rating, or null at the end of the file.</summary>
    /// <exception cref="DeliveryFormatException">A malformed row; names the line and the column.</exception>
    public async ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken)
    {
        await ReadHeaderAsync(cancellationToken);
        while (await _lines.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Cells(line.Span, _lines.LineNumber) is { } cells)
            {
                return new Annotation(cells[0], cells[1], _role, cells[2], cells[3], _lines.LineNumber);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads every row into <paramref name="table"/> from its bytes: a row of plain cells (printable ASCII, not quoted)
    /// without a string; any other row through <see cref="Cells"/>, so every row is checked and refused alike.
    /// </summary>
    /// <param name="table">A table that stores its rows: one pass takes any order of rows and names the lines of any error.</param>
    /// <exception cref="DeliveryFormatException">A malformed row, or a value its field's declaration refuses; names the line and the column.</exception>
    internal async Task ReadIntoAsync(TagTable table, CancellationToken cancellationToken)
    {
        if (table.GroupsAsRead)
        {
            throw new ArgumentException("one pass needs a table that stores its rows", nameof(table));
        }

        await ReadHeaderAsync(cancellationToken);
        while (await _lines.ReadLineAsync(cancellationToken) is { } line)
        {
            _ = AddRow(table, line.Span, _lines.LineNumber);
        }
    }

    /// <summary>
    /// Reads rows that follow the header straight from <paramref name="rows"/>, whole lines as <see cref="RatingsCsvBlocks"/>
    /// cuts them, row by row as <see cref="ReadIntoAsync"/> reads them (blank lines skipped, a '\r' before '\n' dropped);
    /// lines are numbered from the block's first.
    /// </summary>
    /// <returns>
    /// False, having stopped, at a line longer than a line may be (the one-pass reader says so, at its line) or at a row
    /// a table grouping as it reads cannot take (<see cref="TagTable.Add"/>).
    /// </returns>
    /// <exception cref="DeliveryFormatException">As <see cref="ReadIntoAsync"/>, with the line counted in the block.</exception>
    /// <remarks>
    /// A block <see cref="CsvRowScanner.Plain"/> (no quote, no byte a plain cell may not hold) is read from the places of
    /// its separators: a row with three, whose cells are 1 to 256 bytes, is a plain row (<see cref="PlainCells"/> would
    /// find the same cells), and is added by the numbers its bytes after the item were given before
    /// (<see cref="TagNumbersCache"/>); any other row of it, and every row of any other block, as before.
    /// </remarks>
    internal bool ReadBlockInto(TagTable table, ReadOnlySpan<byte> rows) =>
        CsvRowScanner.Plain(rows, (byte)_separator) ? ReadPlainBlockInto(table, rows) : ReadRowsInto(table, rows);

    /// <summary>Reads a block <see cref="CsvRowScanner.Plain"/>; see <see cref="ReadBlockInto"/>.</summary>
    /// <remarks>
    /// The usual row, found in one window of the scanner with 3 separators, an item of 1 to 16 bytes and a tail of at
    /// most 16, is read here with its state in locals: the last item as two words compared with the row's (equal: a
    /// row of the last item; else which sorts first), its numbers from the tail's cache. Any other row (and the rows
    /// near the block's end, whose window would reach past it) is read by <see cref="ReadPlainRow"/>, as every row was
    /// before, and the next usual row looks its item up as a first row does.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadPlainBlockInto(TagTable table, ReadOnlySpan<byte> rows)
    {
        const int Words = 2 * sizeof(ulong);
        var cache = new TagNumbersCache();
        var separator = (byte)_separator;
        var separators = Vector128.Create(separator);
        var blank = _separator == '\t' ? (byte)' ' : (byte)0; // the first byte of a row of blanks, which only tabs separate (0, in no plain row, for commas)
        ref var data = ref MemoryMarshal.GetReference(rows);
        var windowed = rows.Length - 2 * CsvRowScanner.Window; // a row from here on may read past the block
        (ulong Low, ulong High) last = default;
        var lastLength = 0; // the item added last when this loop read it (1 to 16 bytes); 0 when the table must compare
        long line = 0;
        for (var start = 0; start < rows.Length;)
        {
            line++;
            if (start <= windowed)
            {
                var (lines, cuts) = CsvRowScanner.Masks(rows, start, separators);
                var length = BitOperations.TrailingZeroCount(lines);
                cuts &= (1ul << length) - 1;
                if (lines != 0 && BitOperations.PopCount(cuts) == 3)
                {
                    var first = start + BitOperations.TrailingZeroCount(cuts);
                    cuts &= cuts - 1;
                    var second = start + BitOperations.TrailingZeroCount(cuts);
                    cuts &= cuts - 1;
                    var third = start + BitOperations.TrailingZeroCount(cuts);
                    var lineEnd = start + length;
                    var end = Unsafe.Add(ref data, lineEnd - 1) == (byte)'\r' ? lineEnd - 1 : lineEnd;
                    var itemLength = first - start;
                    if ((uint)(itemLength - 1) < Words && end - first - 1 <= Words
                        && second - first > 1 && third - second > 1 && end - third > 1
                        && Unsafe.Add(ref data, start) != blank)
                    {
                        // Cells of 1 to 31 bytes, the first not a blank: a plain row, not a row of blanks.
                        var item = TagNumbersCache.Words(ref Unsafe.Add(ref data, start), itemLength);
                        var key = TagNumbersCache.Words(ref Unsafe.Add(ref data, first + 1), end - first - 1);
                        var numbers = cache.Numbers(key, table, rows, first, second, third, end, line);
                        var added = item == last && itemLength == lastLength
                            ? table.AddToLastItem(numbers, line)
                            : lastLength == 0
                                ? table.Add(rows[start..first], numbers, line)
                                : table.AddNewItem(rows[start..first], After(item, last), numbers, line);
                        if (!added)
                        {
                            return false;
                        }

                        (last, lastLength, start) = (item, itemLength, lineEnd + 1);
                        continue;
                    }
                }
            }

            var scanner = new CsvRowScanner(rows, separator, start);
            _ = scanner.Next(out _, out var rowEnd, out var separatorCount, out var cut1, out var cut2, out var cut3);
            if (!ReadPlainRow(table, rows, cache, start, rowEnd, separatorCount, cut1, cut2, cut3, line))
            {
                return false;
            }

            (lastLength, start) = (0, rowEnd + 1);
        }

        return true;
    }

    /// <summary>Whether the item of words <paramref name="item"/> sorts after the other item's (<see cref="TagNumbersCache.Words"/>; they differ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool After((ulong Low, ulong High) item, (ulong Low, ulong High) other) =>
        item.Low != other.Low
            ? BinaryPrimitives.ReverseEndianness(item.Low) > BinaryPrimitives.ReverseEndianness(other.Low)
            : BinaryPrimitives.ReverseEndianness(item.High) > BinaryPrimitives.ReverseEndianness(other.High);

    /// <summary>
    /// Reads the row at <paramref name="start"/> of a plain block as <see cref="CsvRowScanner.Next"/> found it: a row
    /// with three separators whose cells are 1 to 256 bytes from the places of its separators, by the numbers its tail
    /// was given before; any other row (a blank one, too few or many cells, an empty or long cell) as every row is read.
    /// </summary>
    /// <returns>False where <see cref="ReadBlockInto"/> stops.</returns>
    private bool ReadPlainRow(
        TagTable table, ReadOnlySpan<byte> rows, TagNumbersCache cache, int start, int lineEnd, int separators, int first, int second, int third, long line)
    {
        const int MaxCell = Canonical.CanonicalFormat.MaxIdLength;
        var end = lineEnd > start && rows[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
        if (separators != 3
            || (uint)(first - start - 1) >= MaxCell || (uint)(second - first - 2) >= MaxCell
            || (uint)(third - second - 2) >= MaxCell || (uint)(end - third - 2) >= MaxCell
            || _separator == '\t' && !rows[start..end].ContainsAnyExcept((byte)' ', (byte)'\t'))
        {
            return ReadRowsInto(table, rows[start..lineEnd], line);
        }

        var numbers = TagNumbersCache.TryKey(rows, first + 1, end - first - 1, out var key)
            ? cache.Numbers(key, table, rows, first, second, third, end, line)
            : table.Numbers(rows[(first + 1)..second], rows[(second + 1)..third], rows[(third + 1)..end], line);
        return table.Add(rows[start..first], numbers, line);
    }

    /// <summary>Reads the rows of a block line by line, numbering them from <paramref name="firstLine"/>, as <see cref="ReadBlockInto"/> reads any block that is not plain.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool ReadRowsInto(TagTable table, ReadOnlySpan<byte> rows, long firstLine = 1)
    {
        var line = firstLine - 1;
        while (!rows.IsEmpty)
        {
            var end = rows.IndexOf((byte)'\n');
            var row = end < 0 ? rows : rows[..end];
            rows = end < 0 ? default : rows[(end + 1)..];
            line++;
            row = row.EndsWith((byte)'\r') ? row[..^1] : row;
            if (row.Length > JsonLinesReader.DefaultMaxLineBytes)
            {
                return false;
            }

            if (row.ContainsAnyExcept((byte)' ', (byte)'\t') && !AddRow(table, row, line))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds one non-blank row: plain cells straight from their bytes, any other row through <see cref="Cells"/>.</summary>
    /// <returns>What <see cref="TagTable.Add"/> returns (always true for a table that stores its rows).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AddRow(TagTable table, ReadOnlySpan<byte> row, long line)
    {
        if (PlainCells(row, (byte)_separator, out var item, out var annotator, out var field, out var value))
        {
            return table.Add(item, annotator, field, value, line);
        }

        return Cells(row, line) is not { } cells
            || table.Add(Encoding.UTF8.GetBytes(cells[0]), Encoding.UTF8.GetBytes(cells[1]), Encoding.UTF8.GetBytes(cells[2]), Encoding.UTF8.GetBytes(cells[3]), line);
    }

    /// <summary>A row's four cells when all are plain; false for any other row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool PlainCells(
        ReadOnlySpan<byte> row, byte separator,
        out ReadOnlySpan<byte> item, out ReadOnlySpan<byte> annotator, out ReadOnlySpan<byte> field, out ReadOnlySpan<byte> value)
    {
        item = annotator = field = value = default;
        var first = row.IndexOf(separator);
        var second = first < 0 ? -1 : row[(first + 1)..].IndexOf(separator) + first + 1;
        var third = second <= first ? -1 : row[(second + 1)..].IndexOf(separator) + second + 1;
        if (third <= second || row[(third + 1)..].Contains(separator))
        {
            return false;
        }

        item = row[..first];
        annotator = row[(first + 1)..second];
        field = row[(second + 1)..third];
        value = row[(third + 1)..];
        return Plain(item) && Plain(annotator) && Plain(field) && Plain(value);
    }

    /// <summary>A cell the checks of <see cref="Cells"/> pass as it is: 1 to 256 printable ASCII characters, not quoted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Plain(ReadOnlySpan<byte> cell) =>
        cell.Length is > 0 and <= Canonical.CanonicalFormat.MaxIdLength && cell[0] != (byte)'"' && !cell.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);

    private async ValueTask ReadHeaderAsync(CancellationToken cancellationToken)
    {
        if (_headerRead)
        {
            return;
        }

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

    /// <summary>A row's four cells, checked; null for a row of separators only.</summary>
    /// <exception cref="DeliveryFormatException">A malformed row; names the line and the column.</exception>
    private List<string>? Cells(ReadOnlySpan<byte> line, long number)
    {
        var cells = Split(line, number);
        if (CsvCells.IsEmptyRow(cells))
        {
            return null;
        }

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

        return cells;
    }

    private List<string> Split(ReadOnlySpan<byte> utf8, long line) =>
        CsvCells.Split(CsvCells.Decode(utf8, _file, line), _separator, _file, line, Column);

    private static string? Column(int index) => index < Columns.Count ? Columns[index] : null;

    public void Dispose() => _lines.Dispose();
}
