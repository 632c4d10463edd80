using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Csv;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// A ratings table read in blocks on several workers (<see cref="RatingsCsvBlocks"/>) gives exactly what one pass gives:
/// the same state and figures, and the same error, naming the same line, wherever a block boundary falls.
/// </summary>
public sealed class RatingsCsvBlocksTests
{
    private static readonly DeliveryHeader Header = new("t", "local", "local", new TaxonomyReference("none", "0.0.0"), ["frame-tags"]);
    private static readonly BootstrapOptions Bootstrap = new() { Seed = 3, Replicates = 200 };
    private static readonly string[] Annotators = ["a1", "a2", "a3"];
    private static readonly string[] Fields = ["weather", "light"];

    /// <summary>Blocks of 300 bytes: about a dozen rows each, so a 400-item table has some 150 block boundaries.</summary>
    private const int BlockBytes = 300;

    /// <summary>Blocks of 192 KiB: some 1,600 items each, enough for a block to give its item set to a later one (<see cref="BlockItems"/>).</summary>
    private const int LargeBlockBytes = 192 << 10;

    /// <summary>Items of a table read in some six large blocks.</summary>
    private const int LargeBlockItems = 9_000;

    [Theory]
    [InlineData("sorted", true)]
    [InlineData("grouped", true)] // items whole but in no order: disjointness is checked on the union of items
    [InlineData("interleaved", false)] // an item's rows far apart: blocks would split units, so one pass reads it
    public async Task ReadAsync_Table_SameStateAndFiguresAsOnePass(string layout, bool inBlocks)
    {
        var table = Table(layout);

        var (blocks, readInBlocks) = await InBlocksAsync(table);
        var onePass = await OnePassAsync(table);

        Assert.Equal(inBlocks, readInBlocks);
        Assert.Equal(ReportJson.Serialize(onePass.ToState()), ReportJson.Serialize(blocks.ToState()));
        Assert.Equal(
            ReportJson.Serialize(AgreementSuiteView.From(onePass.Finish(Header.Field, Bootstrap), Bootstrap)),
            ReportJson.Serialize(AgreementSuiteView.From(blocks.Finish(Header.Field, Bootstrap), Bootstrap)));
        Assert.Equal((400L, onePass.Annotations), (blocks.Items, blocks.Annotations));
    }

    [Fact]
    public async Task ReadAsync_SortedTableOfLargeBlocks_TwoWorkersShareTwoItemSetsOverEveryBlock()
    {
        // Each block's items go into a set an earlier block gave back: as many sets as blocks in flight, not one a block.
        var table = Table("sorted", LargeBlockItems);
        var sets = new HashSet<SequenceSet<byte>>(ReferenceEqualityComparer.Instance);
        var blocks = 0;
        TagTable Counting(bool groupAsRead, SequenceSet<byte>? items)
        {
            var tags = NewTable(groupAsRead, items);
            blocks += groupAsRead ? 1 : 0;
            sets.Add(tags.Items);
            return tags;
        }

        using var reader = new RatingsCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(table)), "t.csv");
        var audit = new BatchAudit();
        var inBlocks = await RatingsCsvBlocks.ReadAsync(reader, Counting, audit, CancellationToken.None, LargeBlockBytes, workers: 2);

        Assert.True(inBlocks);
        Assert.True(blocks >= 5, $"{blocks} blocks");
        Assert.Equal(2, sets.Count);
        Assert.Equal(ReportJson.Serialize((await OnePassAsync(table)).ToState()), ReportJson.Serialize(audit.ToState()));
    }

    [Fact]
    public async Task ReadAsync_SortedThenOutOfOrder_ReadsInOnePassWithTheSameResult()
    {
        // The first blocks are ascending and give their sets away; a later block out of order cannot be checked against
        // them, so the table is read in one pass, which must give what it always gave.
        var table = Table("sorted-then-grouped", LargeBlockItems);

        var (blocks, readInBlocks) = await InBlocksAsync(table, LargeBlockBytes);
        var onePass = await OnePassAsync(table);

        Assert.False(readInBlocks);
        Assert.Equal(ReportJson.Serialize(onePass.ToState()), ReportJson.Serialize(blocks.ToState()));
        Assert.Equal((onePass.Items, onePass.Annotations), (blocks.Items, blocks.Annotations));
    }

    [Fact]
    public async Task ReadAsync_MalformedRowOnEveryLineOfTheFirstBlocks_NamesItsLineAsOnePass()
    {
        // The bad row moves over lines 2–80, across the first several block boundaries; the error must name line n.
        var lines = Table("sorted").Split('\n');
        for (var n = 2; n <= 80; n++)
        {
            var bad = lines.ToArray();
            bad[n - 1] = "item-x,a1,weather"; // three columns
            var table = string.Join('\n', bad);

            var expected = await Assert.ThrowsAsync<DeliveryFormatException>(() => OnePassAsync(table));
            var actual = await Assert.ThrowsAsync<DeliveryFormatException>(() => InBlocksAsync(table));

            Assert.Equal(expected.Message, actual.Message);
            Assert.Matches($"^t\\.csv line {n}\\b", actual.Message);
        }
    }

    [Fact]
    public async Task ReadAsync_SecondValueOfAnAnnotatorInALaterBlock_NamesBothLines()
    {
        // Line 301 repeats line 300's annotator, item and field: both lines far past the first block.
        var lines = Table("sorted").Split('\n').ToList();
        var repeated = lines[299].Split(',');
        lines.Insert(300, $"{repeated[0]},{repeated[1]},{repeated[2]},other");
        var table = string.Join('\n', lines);

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => InBlocksAsync(table));

        Assert.Equal(
            $"t.csv line 301, field 'field': annotator '{repeated[1]}' already tagged '{repeated[2]}' of item '{repeated[0]}' on line 300; one value per annotator, item and field",
            error.Message);
    }

    [Fact]
    public async Task ReadAsync_StreamThatCannotRewind_ReadsInOnePass()
    {
        var table = Table("sorted");
        using var reader = new RatingsCsvReader(new ForwardOnlyStream(Encoding.UTF8.GetBytes(table)), "t.csv");
        var audit = new BatchAudit();

        var inBlocks = await RatingsCsvBlocks.ReadAsync(reader, NewTable, audit, CancellationToken.None, BlockBytes, workers: 2);

        Assert.False(inBlocks);
        Assert.Equal(ReportJson.Serialize((await OnePassAsync(table)).ToState()), ReportJson.Serialize(audit.ToState()));
    }

    /// <summary>
    /// <paramref name="items"/> items × 3 annotators × 2 fields, each rating present with probability 0.8, a blank row here
    /// and there; sorted-then-grouped: the first half sorted, the second in no order.
    /// </summary>
    private static string Table(string layout, int items = 400)
    {
        var random = new Random(20);
        var rows = new List<List<string>>();
        for (var item = 0; item < items; item++)
        {
            var truth = random.Next(4);
            rows.Add([.. from annotator in Annotators
                from field in Fields
                where random.NextDouble() < 0.8
                select $"item-{item:D4},{annotator},{field},v{(random.NextDouble() < 0.7 ? truth : random.Next(4))}"]);
        }

        IEnumerable<string> ordered = layout switch
        {
            "sorted" => rows.SelectMany(r => r),
            "grouped" => rows.OrderBy(_ => random.Next()).SelectMany(r => r),
            "sorted-then-grouped" => rows[..(items / 2)].Concat(rows[(items / 2)..].OrderBy(_ => random.Next())).SelectMany(r => r),
            _ => rows.SelectMany(r => r.Select((row, i) => (row, i))).OrderBy(r => r.i).Select(r => r.row),
        };
        var lines = ordered.ToList();
        lines.Insert(lines.Count / 3, "");
        return "item,annotator,field,value\n" + string.Join('\n', lines) + "\n";
    }

    private static TagTable NewTable(bool groupAsRead, SequenceSet<byte>? items = null) =>
        new(Header, "t.csv", AnnotatorRole.Annotator, "value", groupAsRead, items);

    private static async Task<(BatchAudit Audit, bool InBlocks)> InBlocksAsync(string table, int blockBytes = BlockBytes)
    {
        using var reader = new RatingsCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(table)), "t.csv");
        var audit = new BatchAudit();
        var inBlocks = await RatingsCsvBlocks.ReadAsync(reader, NewTable, audit, CancellationToken.None, blockBytes, workers: 2);
        return (audit, inBlocks);
    }

    private static async Task<BatchAudit> OnePassAsync(string table)
    {
        using var reader = new RatingsCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(table)), "t.csv");
        var tags = NewTable(groupAsRead: false);
        await reader.ReadIntoAsync(tags, CancellationToken.None);
        var audit = new BatchAudit();
        tags.AddTo(audit);
        return audit;
    }
}
