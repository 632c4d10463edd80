using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Audit;

/// <summary>
/// The frame tags of a ratings table (item, annotator, field, value; one role for the whole file), read straight from
/// their UTF-8 bytes into 12 bytes a row, without an <see cref="Annotation"/> or a string per value; then added to a
/// <see cref="BatchAudit"/> item by item exactly as <see cref="BatchAudit.AddItem"/> adds the same annotations.
/// </summary>
/// <remarks>
/// <para>
/// Names are interned once (<see cref="SequenceSet{T}"/> of bytes), items in first-seen order, so the items are added
/// in the order <see cref="BatchAuditReader"/> adds them and the first duplicate found is the one it finds. A tag's
/// value is checked against its field's declaration the first time that (field, value) pair is read, which is the
/// line where a check of every annotation fails first. Memory: the rows (12 bytes each; a row's line is counted from
/// the last row that did not follow the line before), the distinct names, and, only when some item's rows do not follow
/// each other, one int per row and per item while adding.
/// </para>
/// <para>
/// A table that groups as read (<c>groupAsRead</c>, what <see cref="Formats.Csv.RatingsCsvBlocks"/> makes for each
/// block) keeps no rows: each item's unit goes into its field's patterns when the next item starts, in the same order
/// and with the same numbers as <see cref="AddTo"/> adds them from stored rows, so the patterns are the same. It needs
/// an item's rows to follow each other and no (annotator, field) twice in an item; at the first row that breaks this
/// <see cref="Add"/> returns false and the table is of no further use: the caller reads the table in one pass with a
/// table that stores its rows, which finds the same units or throws the error naming both lines.
/// </para>
/// </remarks>
/// <param name="items">An empty set for the items, used again from a table read before (its arrays already grown); a new one when null.</param>
internal sealed class TagTable(
    DeliveryHeader header, string file, AnnotatorRole role, string labelField, bool groupAsRead = false, SequenceSet<byte>? items = null)
{
    private const int ChunkRows = 1 << 16;
    private readonly SequenceSet<byte> _items = items is null ? new()
        : items.Count == 0 ? items : throw new ArgumentException("The set for the items must be empty.", nameof(items));
    private readonly Utf8Names _annotators = new();
    private readonly Utf8Names _fields = new();
    private readonly Utf8Names _values = new();
    private readonly List<Row[]> _rows = [];

    /// <summary>Per field, per annotator: the (annotator, field) column number + 1; 0 before it is seen.</summary>
    private readonly List<int[]> _columnOf = [];
    private readonly List<(int Field, int Annotator)> _columns = [];

    /// <summary>Per field, per value: its number in the field's <see cref="RatingPatterns"/> + 1; 0 before it is seen.</summary>
    private readonly List<int[]> _valueNumberOf = [];
    private readonly List<RatingPatterns> _patterns = [];
    private int _lastItem = -1;

    /// <summary>Per column, its annotator as numbered by its field's patterns, shifted into a unit key (<see cref="RatingPatterns.AddNumberedUnit"/>).</summary>
    /// <remarks>This and the arrays of grouping as read are arrays grown as columns and fields are first seen, not lists: a row reads them without a resize check.</remarks>
    private long[] _annotatorKeys = new long[8];

    /// <summary>Grouping as read: per field, the current item's unit keys so far and how many; per column, the item + 1 it was last given in.</summary>
    private long[][] _unitKeys = new long[4][];
    private int[] _unitLength = new int[4];
    private int[] _unitOf = new int[8];

    /// <summary>Rows whose line is not the line after the previous row's (the first, and any after a blank line): the line of every row follows.</summary>
    private readonly List<(int Row, int Line)> _lineJumps = [];

    /// <summary>Every item's rows follow each other, items in first-seen order: the rows need no sorting.</summary>
    private bool _grouped = true;

    /// <summary>Every item so far came after the item before it in ordinal byte order.</summary>
    private bool _ascending = true;
    private long _lastLine = -1;

    /// <summary>Units go into the patterns as the rows are read; no row is kept (see remarks).</summary>
    internal bool GroupsAsRead => groupAsRead;

    /// <summary>Rows read.</summary>
    public int Count { get; private set; }

    /// <summary>The items read, in first-seen order.</summary>
    internal SequenceSet<byte> Items => _items;

    /// <summary>Every item came after the item before it in ordinal byte order: the first item is the least, the last the greatest.</summary>
    internal bool Ascending => _ascending;

    /// <summary>Adds one tag read from line <paramref name="line"/>; every name is 1 to 256 characters of UTF-8, as the reader checked.</summary>
    /// <returns>
    /// True; false only when grouping as read and the row belongs to an item before the last or repeats an (annotator,
    /// field) of its item: the table must then be read again by one that stores its rows.
    /// </returns>
    /// <exception cref="DeliveryFormatException">The value does not fit its field's declaration: names the line and the value's column.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(ReadOnlySpan<byte> item, ReadOnlySpan<byte> annotator, ReadOnlySpan<byte> field, ReadOnlySpan<byte> value, long line) =>
        StartRow(item) && AddToLastItem(Numbers(annotator, field, value, line), line);

    /// <summary>Adds one tag whose <see cref="Numbers"/> are known, as <see cref="Add(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/> adds it.</summary>
    /// <returns>As <see cref="Add(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool Add(ReadOnlySpan<byte> item, TagNumbers numbers, long line) => StartRow(item) && AddToLastItem(numbers, line);

    /// <summary>
    /// Adds one tag of the item of the tag added last (the caller knows, e.g. the row's item has the last row's bytes),
    /// as <see cref="Add(ReadOnlySpan{byte}, TagNumbers, long)"/> adds it, without looking at the item.
    /// </summary>
    /// <returns>As <see cref="Add(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool AddToLastItem(TagNumbers numbers, long line)
    {
        Count = checked(Count + 1);
        return groupAsRead ? AddToUnit(numbers.Field, numbers.Column, numbers.Value) : Store(_lastItem, numbers.Column, numbers.Value, line);
    }

    /// <summary>
    /// The numbers of a tag's annotator, field and value, numbering each the first time it is read (in the order rows are
    /// read, so any order of asking that asks on first sight numbers alike); they never change after.
    /// </summary>
    /// <exception cref="DeliveryFormatException">The value does not fit its field's declaration: names the line and the value's column.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal TagNumbers Numbers(ReadOnlySpan<byte> annotator, ReadOnlySpan<byte> field, ReadOnlySpan<byte> value, long line)
    {
        var fieldNumber = _fields.Number(field);
        if (fieldNumber == _columnOf.Count)
        {
            _columnOf.Add(new int[4]);
            _valueNumberOf.Add(new int[16]);
            _patterns.Add(new RatingPatterns());
            if (fieldNumber == _unitKeys.Length)
            {
                Array.Resize(ref _unitKeys, 2 * _unitKeys.Length);
                Array.Resize(ref _unitLength, 2 * _unitLength.Length);
            }

            _unitKeys[fieldNumber] = new long[8];
        }

        var column = Column(fieldNumber, _annotators.Number(annotator));
        return new TagNumbers(fieldNumber, column, ValueNumber(fieldNumber, _values.Number(value), line));
    }

    /// <summary>Makes <paramref name="item"/> the item of the row being added (grouping as read: adds the last item's unit when it changes).</summary>
    /// <returns>False when grouping as read and the item is one before the last (see <see cref="Add(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StartRow(ReadOnlySpan<byte> item)
    {
        // Rows of one item usually follow each other, and items often come sorted: the item just read is compared
        // with the last, once, which says both whether it is the last and whether it sorts after it.
        if (_lastItem < 0)
        {
            return StartNewItem(item, afterLast: true);
        }

        var order = item.SequenceCompareTo(_items[_lastItem]);
        return order == 0 || StartNewItem(item, order > 0);
    }

    /// <summary>
    /// Adds one tag of an item other than the last (the caller compared them), as
    /// <see cref="Add(ReadOnlySpan{byte}, TagNumbers, long)"/> adds it, without comparing them again.
    /// </summary>
    /// <param name="afterLast">Whether <paramref name="item"/> comes after the last item in ordinal byte order.</param>
    /// <returns>As <see cref="Add(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, long)"/>.</returns>
    internal bool AddNewItem(ReadOnlySpan<byte> item, bool afterLast, TagNumbers numbers, long line) =>
        StartNewItem(item, afterLast) && AddToLastItem(numbers, line);

    /// <summary>
    /// Makes <paramref name="item"/>, which is not the last item, the item of the row being added; while every new item
    /// sorts after the one before, none can have been seen and none is looked up.
    /// </summary>
    /// <returns>As <see cref="StartRow"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StartNewItem(ReadOnlySpan<byte> item, bool afterLast)
    {
        int itemNumber;
        if (_ascending && afterLast)
        {
            itemNumber = _items.AddNew(item);
        }
        else
        {
            _ascending = false;
            itemNumber = _items.Add(item);
        }

        _grouped &= itemNumber == _items.Count - 1;
        if (groupAsRead)
        {
            if (!_grouped)
            {
                return false;
            }

            AddUnit();
        }

        _lastItem = itemNumber;
        return true;
    }

    /// <summary>Keeps the row, for <see cref="AddTo"/> to group.</summary>
    /// <remarks>Inlined into <see cref="AddToLastItem"/>, itself inlined into the adds, which are compiled optimised at first call: the one pass runs it for every row.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Store(int itemNumber, int column, int valueNumber, long line)
    {
        var row = Count - 1;
        if (_rows.Count == 0 || row % ChunkRows == 0 && row / ChunkRows == _rows.Count)
        {
            _rows.Add(new Row[ChunkRows]);
        }

        if (line != _lastLine + 1)
        {
            _lineJumps.Add((row, checked((int)line)));
        }

        _lastLine = line;
        _rows[row / ChunkRows][row % ChunkRows] = new Row(itemNumber, column, valueNumber);
        return true;
    }

    /// <summary>Adds the row's value to the current item's unit; false when its (annotator, field) already gave one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AddToUnit(int field, int column, int valueNumber)
    {
        if (role != AnnotatorRole.Annotator)
        {
            return true;
        }

        var unitOf = _unitOf;
        var item = _lastItem + 1;
        if (unitOf[column] == item)
        {
            return false;
        }

        unitOf[column] = item;
        var keys = _unitKeys[field];
        var length = _unitLength[field];
        if (length == keys.Length)
        {
            Array.Resize(ref keys, 2 * keys.Length);
            _unitKeys[field] = keys;
        }

        keys[length] = _annotatorKeys[column] | (uint)valueNumber;
        _unitLength[field] = length + 1;
        return true;
    }

    /// <summary>Adds the current item's unit of each field to the field's patterns (grouping as read).</summary>
    /// <remarks>Called once an item: compiled optimised at first call.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddUnit()
    {
        for (var f = 0; f < _patterns.Count; f++)
        {
            if (_unitLength[f] > 0)
            {
                _patterns[f].AddNumberedUnit(_unitKeys[f].AsSpan(0, _unitLength[f]));
                _unitLength[f] = 0;
            }
        }
    }

    /// <summary>
    /// Adds every item to <paramref name="audit"/>: the counts, and for role annotator each field's unit.
    /// </summary>
    /// <exception cref="DeliveryFormatException">An annotator tagged the same field of an item twice (role annotator only, as <see cref="BatchAudit.AddItem"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddTo(BatchAudit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var annotatorNames = Enumerable.Range(0, _annotators.Count).Select(a => Encoding.UTF8.GetString(_annotators[a])).ToArray();
        var fieldNames = Enumerable.Range(0, _fields.Count).Select(f => Encoding.UTF8.GetString(_fields[f])).ToArray();
        audit.AddTagCounts(_items.Count, Count, role, role == AnnotatorRole.Annotator ? annotatorNames : []);
        if (role != AnnotatorRole.Annotator)
        {
            return;
        }

        if (groupAsRead)
        {
            AddUnit();
            AddFieldRatings(audit, fieldNames);
            return;
        }

        var (start, order) = _grouped ? ((int[]?)null, (int[]?)null) : ByItem();
        var row0 = 0;
        var seenIn = new int[_columns.Count]; // the item + 1 a column was last seen in
        var rowIn = new int[_columns.Count]; // and its row there
        var keys = Enumerable.Range(0, _patterns.Count).Select(_ => new List<long>()).ToArray();
        for (var item = 0; item < _items.Count; item++)
        {
            var end = start?[item + 1] ?? NextItem(row0);
            for (var r = start?[item] ?? row0; r < end; r++)
            {
                var number = order?[r] ?? r;
                var row = RowAt(number);
                if (seenIn[row.Column] == item + 1)
                {
                    var (field, annotator) = _columns[row.Column];
                    throw new DeliveryFormatException(file, LineOf(number), "field",
                        $"annotator '{annotatorNames[annotator]}' already tagged '{fieldNames[field]}' of item '{Encoding.UTF8.GetString(_items[item])}' " +
                        $"on line {LineOf(rowIn[row.Column])}; one value per annotator, item and field");
                }

                seenIn[row.Column] = item + 1;
                rowIn[row.Column] = number;
                keys[_columns[row.Column].Field].Add(_annotatorKeys[row.Column] | (uint)row.Value);
            }

            row0 = end;
            for (var f = 0; f < keys.Length; f++)
            {
                if (keys[f].Count > 0)
                {
                    _patterns[f].AddNumberedUnit(CollectionsMarshal.AsSpan(keys[f]));
                    keys[f].Clear();
                }
            }
        }

        AddFieldRatings(audit, fieldNames);
    }

    private void AddFieldRatings(BatchAudit audit, string[] fieldNames)
    {
        for (var f = 0; f < fieldNames.Length; f++)
        {
            audit.AddFieldRatings(fieldNames[f], _patterns[f]);
        }
    }

    /// <summary>Row numbers grouped by item, in line order within an item (a stable counting sort), and where each item starts.</summary>
    private (int[] Start, int[] Order) ByItem()
    {
        var start = new int[_items.Count + 1];
        for (var r = 0; r < Count; r++)
        {
            start[RowAt(r).Item + 1]++;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            start[i + 1] += start[i];
        }

        var next = start[..^1];
        var order = new int[Count];
        for (var r = 0; r < Count; r++)
        {
            order[next[RowAt(r).Item]++] = r;
        }

        return (start, order);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Row RowAt(int r) => ref _rows[r / ChunkRows][r % ChunkRows];

    /// <summary>The row after the rows of the item at <paramref name="row"/> (rows grouped by item).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NextItem(int row)
    {
        var item = RowAt(row).Item;
        while (++row < Count && RowAt(row).Item == item)
        {
        }

        return row;
    }

    private int LineOf(int row)
    {
        var jump = _lineJumps.Count - 1;
        if (_lineJumps[jump].Row > row)
        {
            jump = _lineJumps.BinarySearch((row, int.MaxValue));
            jump = jump < 0 ? ~jump - 1 : jump;
        }

        return _lineJumps[jump].Line + (row - _lineJumps[jump].Row);
    }

    /// <remarks>
    /// This and <see cref="ValueNumber"/> run once a row but are too large to inline: compiled optimised at first call,
    /// as a command that runs once would otherwise run them unoptimised for much of a table (docs/performance.md, Alpha).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Column(int field, int annotator)
    {
        var columns = _columnOf[field];
        if (annotator >= columns.Length)
        {
            Array.Resize(ref columns, Math.Max(2 * columns.Length, annotator + 1));
            _columnOf[field] = columns;
        }

        if (columns[annotator] == 0)
        {
            // Numbered in the field's patterns in the order columns are first seen, whether the rows are stored or grouped as read.
            var column = _columns.Count;
            _columns.Add((field, annotator));
            if (column == _annotatorKeys.Length)
            {
                Array.Resize(ref _annotatorKeys, 2 * _annotatorKeys.Length);
                Array.Resize(ref _unitOf, 2 * _unitOf.Length);
            }

            _annotatorKeys[column] = (long)_patterns[field].AnnotatorNumber(Encoding.UTF8.GetString(_annotators[annotator])) << 32;
            columns[annotator] = column + 1;
        }

        return columns[annotator] - 1;
    }

    /// <summary>The value's number in its field's patterns; the first time the pair is read, checks it against the field's declaration.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ValueNumber(int field, int value, long line)
    {
        var numbers = _valueNumberOf[field];
        if (value >= numbers.Length)
        {
            Array.Resize(ref numbers, Math.Max(2 * numbers.Length, value + 1));
            _valueNumberOf[field] = numbers;
        }

        if (numbers[value] == 0)
        {
            var fieldName = Encoding.UTF8.GetString(_fields[field]);
            var label = Encoding.UTF8.GetString(_values[value]);
            if (header.Check(new Annotation("", "", role, fieldName, label, line), labelField) is { } problem)
            {
                throw new DeliveryFormatException(file, line, problem.Field, problem.Problem);
            }

            numbers[value] = (role == AnnotatorRole.Annotator ? _patterns[field].ValueNumber(label) : 0) + 1;
        }

        return numbers[value] - 1;
    }

    private readonly record struct Row(int Item, int Column, int Value);

    /// <summary>A tag's field number, its (annotator, field) column and its value's number in the field's patterns.</summary>
    internal readonly record struct TagNumbers(int Field, int Column, int Value);
}
