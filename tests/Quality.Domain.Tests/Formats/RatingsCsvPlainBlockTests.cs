using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Csv;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// A block of a ratings table read from the places of its separators (<see cref="CsvRowScanner"/>, the fast path of
/// <see cref="RatingsCsvReader.ReadBlockInto"/>) gives what reading it row by row gives: the same units, the same refusal,
/// the same error naming the same line and column.
/// </summary>
public sealed class RatingsCsvPlainBlockTests
{
    private static readonly DeliveryHeader Header = new("t", "local", "local", new TaxonomyReference("none", "0.0.0"), ["frame-tags"])
    {
        Fields = new Dictionary<string, FieldDeclaration> { ["score"] = new FieldDeclaration(MeasurementLevel.Interval) },
    };

    private static readonly string Long = new('n', 256);

    /// <summary>Blocks (the rows after a header), their separator, whether the whole block is plain, and what reading it gives (part of it).</summary>
    public static TheoryData<string, char, bool, string> Blocks => new()
    {
        { "i1,a1,weather,fog\ni1,a2,weather,fog\ni2,a1,weather,rain\ni2,a2,weather,fog\n", ',', true, "read" },
        { "i1,a1,weather,fog\r\ni1,a2,weather,fog\r\ni2,a1,weather,rain\r\ni2,a2,weather,fog", ',', true, "read" }, // CRLF, no last '\n'
        { "i1,a1,weather,fog\n\n   \n,,,\ni1,a2,weather,fog\ni2,a1,weather,rain\r\n\r\n", ',', true, "read" }, // blank rows
        { "i1\ta1\tweather\tfog\n \t \t \t \ni1\ta2\tweather\tfog, light\ni2\ta1\tweather\train\n", '\t', true, "read" }, // tabs; a row of blanks
        { "i1,a1,weather,fog\ni1,\"a,2\",weather,fog\n", ',', false, "read" }, // a quoted cell
        { "i1,a1,weather,fog\ni1,a2,weather,n\u00e4bel\n", ',', false, "read" }, // a byte beyond ASCII
        { "i1,a1,weather,fog\ni1,a2,weather,f\u0001g\n", ',', false, "line 2, field 'value'" }, // a control byte
        { "i1,a1,weather,fog\ni1,a2\r,weather,fog\n", ',', false, "line 2, field 'annotator'" }, // a '\r' inside a row
        { "i1,a1,weather,fog\ni1,a2,weather,f\tg\n", ',', false, "line 2, field 'value'" }, // a tab in a comma-separated row
        { "i1,a1,weather,fog\ni1,,weather,fog\n", ',', true, "line 2, field 'annotator'" }, // four columns, one empty
        { "i1,a1,weather,fog\ni1,a2,weather,fog,x\n", ',', true, "line 2: has 5 columns" },
        { "i1,a1,weather,fog\ni1,a2,weather\n", ',', true, "line 2: has 3 columns" },
        { $"i1,a1,weather,{Long}\ni1,a2,weather,{Long}x\n", ',', true, "line 2, field 'value'" }, // 256 bytes read, 257 refused
        { "i1,a1,score,1.5\ni1,a2,score,high\n", ',', true, "line 2, field 'value'" }, // refused by its field's declaration
        { "i1,a1,weather,fog\ni2,a1,weather,fog\ni1,a2,weather,fog\n", ',', true, "refused" }, // i1 again after i2
        { "i1,a1,weather,fog\ni1,a1,weather,rain\n", ',', true, "refused" }, // a1 tags i1's weather twice
        { "i1,annotator-one,weather-today,fog-thick\ni1,annotator-two,weather-today,fog-thick\n", ',', true, "read" }, // tails beyond 16 bytes
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void ReadBlockInto_TrickyBlock_WhatReadingRowByRowGives(string rows, char separator, bool plain, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(rows);

        var fast = Outcome(bytes, separator, (reader, table, block) => reader.ReadBlockInto(table, block));
        var rowByRow = Outcome(bytes, separator, (reader, table, block) => reader.ReadRowsInto(table, block));

        Assert.Equal(plain, CsvRowScanner.Plain(bytes, (byte)separator));
        Assert.Equal(rowByRow, fast);
        Assert.Contains(expected, fast, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBlockInto_NamesOfEveryLengthAcrossChunks_WhatReadingRowByRowGives()
    {
        // 1,500 items × 3 annotators: names of 1 to 40 bytes put separators and line ends at every place of a 64-byte
        // chunk, tails short and long; CRLF, blank and spreadsheet-blank rows here and there.
        var random = new Random(9);
        string Name(string prefix) => prefix + new string((char)('a' + random.Next(26)), random.Next(1, 40));
        var annotators = Enumerable.Range(0, 3).Select(a => Name($"a{a}")).ToArray();
        var values = Enumerable.Range(0, 5).Select(v => Name($"v{v}")).ToArray();
        var table = new StringBuilder();
        var (items, ratings) = (0, 0);
        for (var item = 0; item < 1500; item++)
        {
            var raters = annotators.Where(_ => random.NextDouble() < 0.8).ToList();
            items += raters.Count > 0 ? 1 : 0;
            foreach (var annotator in raters)
            {
                table.Append(Invariant($"item{item:D5},{annotator},weather,{values[random.Next(values.Length)]}"));
                table.Append(random.Next(10) == 0 ? "\r\n" : "\n");
                ratings++;
                table.Append(random.Next(50) == 0 ? ",,,\n" : random.Next(50) == 0 ? "\n" : "");
            }
        }

        var bytes = Encoding.UTF8.GetBytes(table.ToString());
        var fast = Outcome(bytes, ',', (reader, tags, block) => reader.ReadBlockInto(tags, block));
        var rowByRow = Outcome(bytes, ',', (reader, tags, block) => reader.ReadRowsInto(tags, block));

        Assert.True(CsvRowScanner.Plain(bytes, (byte)','));
        Assert.Equal(rowByRow, fast);
        Assert.StartsWith(Invariant($"read {items} items, {ratings} ratings"), fast, StringComparison.Ordinal);
    }

    /// <summary><see cref="Blocks"/> without whether the block is plain: among usual rows, no tricky block is.</summary>
    public static TheoryData<string, char, string> TrickyRows
    {
        get
        {
            var rows = new TheoryData<string, char, string>();
            foreach (var block in Blocks)
            {
                rows.Add((string)block[0], (char)block[1], (string)block[3]);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(TrickyRows))]
    public void ReadBlockInto_TrickyRowsAmongUsualRows_WhatReadingRowByRowGives(string rows, char separator, string expected)
    {
        // The tricky rows after four usual rows and before eight, so that they are read where the loop for usual rows
        // runs (a row whose 64 bytes from its start are in the block): it must hand every other row on, and stop alike.
        string Usual(string item) => string.Concat(Enumerable.Range(1, 4).Select(a => $"{item}{separator}a{a}{separator}weather{separator}fog\n"));
        var text = Usual("h0") + rows + (rows.EndsWith('\n') ? "" : "\n") + Usual("z8") + Usual("z9");
        var bytes = Encoding.UTF8.GetBytes(text);

        var fast = Outcome(bytes, separator, (reader, table, block) => reader.ReadBlockInto(table, block));
        var rowByRow = Outcome(bytes, separator, (reader, table, block) => reader.ReadRowsInto(table, block));

        Assert.Equal(rowByRow, fast);
        var shifted = System.Text.RegularExpressions.Regex.Replace(
            expected, @"^line (\d+)", m => Invariant($"line {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 4}"));
        Assert.Contains(shifted, fast, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sorted")]
    [InlineData("swapped")]
    [InlineData("shuffled")]
    [InlineData("repeated")]
    public void ReadBlockInto_ItemsOfEveryLengthInAnyOrder_TheItemsAndOrderRowByRowFinds(string order)
    {
        // Items of 1 to 18 bytes from a two-letter alphabet (many a prefix of another; beyond 16 bytes compared by the
        // table), each item's rows together: sorted; sorted but for two items of at most 16 bytes swapped (the one step
        // down is between two items the loop compares as words); shuffled; sorted, then "c" and an item before it again
        // (refused: the loop must see that it does not sort after "c").
        var random = new Random(order.Length);
        var items = Enumerable.Range(0, 600)
            .Select(_ => new string(Enumerable.Range(0, random.Next(1, 19)).Select(_ => random.Next(2) == 0 ? 'a' : 'b').ToArray()))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var shortItem = Enumerable.Range(200, items.Count - 201).First(i => items[i].Length <= 16 && items[i + 1].Length <= 16);
        switch (order)
        {
            case "swapped":
                (items[shortItem], items[shortItem + 1]) = (items[shortItem + 1], items[shortItem]);
                break;
            case "shuffled":
                items = [.. items.OrderBy(_ => random.Next())];
                break;
            case "repeated":
                items.AddRange(["c", items[shortItem]]);
                break;
            default:
                break;
        }

        var text = string.Concat(items.Select(item =>
            string.Concat(Enumerable.Range(1, random.Next(1, 4)).Select(a => Invariant($"{item},c{a},weather,v{random.Next(3)}\n")))));
        var bytes = Encoding.UTF8.GetBytes(text);

        var (fast, fastTable) = OutcomeAndTable(bytes, ',', (reader, table, block) => reader.ReadBlockInto(table, block));
        var (rowByRow, rowTable) = OutcomeAndTable(bytes, ',', (reader, table, block) => reader.ReadRowsInto(table, block));

        Assert.Equal(rowByRow, fast);
        if (order == "repeated")
        {
            Assert.Equal("refused", fast);
            return;
        }

        Assert.StartsWith(Invariant($"read {items.Count} items"), fast, StringComparison.Ordinal);
        Assert.Equal(order == "sorted", fastTable.Ascending);
        Assert.Equal(rowTable.Ascending, fastTable.Ascending);
        Assert.Equal(
            Enumerable.Range(0, rowTable.Items.Count).Select(i => Encoding.ASCII.GetString(rowTable.Items[i])),
            Enumerable.Range(0, fastTable.Items.Count).Select(i => Encoding.ASCII.GetString(fastTable.Items[i])));
        Assert.Equal(items, Enumerable.Range(0, fastTable.Items.Count).Select(i => Encoding.ASCII.GetString(fastTable.Items[i])));
    }

    [Theory]
    [InlineData("a,b,c,d\ne,f,g,h", 0, new[] { "0-7:3", "8-15:3" })]
    [InlineData("a,b,c,d\ne,f,g,h", 8, new[] { "8-15:3" })] // started at a later line, as the plain-row loop hands one on
    [InlineData("a,b\n\n,,,,,\n", 0, new[] { "0-3:1", "4-4:0", "5-10:4" })] // separators counted up to four
    [InlineData("", 0, new string[0])]
    public void Next_Lines_TheirEndsAndSeparators(string text, int from, string[] expected)
    {
        var scanner = new CsvRowScanner(Encoding.ASCII.GetBytes(text), (byte)',', from);
        var lines = new List<string>();
        while (scanner.Next(out var start, out var end, out var separators, out _, out _, out _))
        {
            lines.Add(Invariant($"{start}-{end}:{separators}"));
        }

        Assert.Equal(expected, lines);
    }

    [Fact]
    public void Next_LinesOfEveryLength_WhatSplittingGives()
    {
        // Lines of 0 to 100 bytes with 0 to 6 separators each: found in one window of 32 bytes, in two, or by searching.
        var random = new Random(4);
        var lines = Enumerable.Range(0, 3_000).Select(_ =>
            new string(Enumerable.Range(0, random.Next(101)).Select(_ => random.Next(12) == 0 ? ',' : 'x').ToArray())).ToList();
        var text = string.Join('\n', lines) + '\n';

        var scanner = new CsvRowScanner(Encoding.ASCII.GetBytes(text), (byte)',');
        var (found, at) = (new List<string>(), 0);
        while (scanner.Next(out var start, out var end, out var separators, out var first, out var second, out var third))
        {
            var line = text[start..end];
            var places = new[] { first, second, third }.Take(Math.Min(separators, 3)).Select(p => p - start);
            found.Add(Invariant($"{start}:{line}:{separators}:{string.Join(' ', places)}"));
        }

        var expected = lines.Select(line =>
        {
            var cuts = line.Select((c, i) => (c, i)).Where(x => x.c == ',').Select(x => x.i).ToList();
            var entry = Invariant($"{at}:{line}:{Math.Min(cuts.Count, 4)}:{string.Join(' ', cuts.Take(3))}");
            at += line.Length + 1;
            return entry;
        }).ToList();
        Assert.Equal(expected, found);
    }

    /// <summary>What reading <paramref name="block"/> into a table grouping as read gives: its state, a refusal, or the error.</summary>
    private static string Outcome(byte[] block, char separator, Func<RatingsCsvReader, TagTable, byte[], bool> read) =>
        OutcomeAndTable(block, separator, read).Outcome;

    /// <summary><see cref="Outcome"/>, and the table read.</summary>
    private static (string Outcome, TagTable Table) OutcomeAndTable(byte[] block, char separator, Func<RatingsCsvReader, TagTable, byte[], bool> read)
    {
        using var reader = RatingsCsvReader.Continuing(Stream.Null, "t.csv", AnnotatorRole.Annotator, separator);
        var table = new TagTable(Header, "t.csv", AnnotatorRole.Annotator, "value", groupAsRead: true);
        try
        {
            if (!read(reader, table, block))
            {
                return ("refused", table);
            }
        }
        catch (DeliveryFormatException error)
        {
            return (error.Message, table);
        }

        var audit = new BatchAudit();
        table.AddTo(audit);
        return (Invariant($"read {audit.Items} items, {audit.Annotations} ratings: ") + ReportJson.Serialize(audit.ToState()), table);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
