using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Formats.Csv;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// The blocks' items as the disjointness check keeps them: large ordered blocks give their sets away, cleared, and are
/// told apart by their first and last items; blocks in no order are checked on the union of every set, and a break in
/// the order after sets were given away is reported as undecidable rather than guessed.
/// </summary>
public sealed class BlockItemsTests
{
    private const int Large = BlockItems.GiveAwayItems;

    [Fact]
    public void Add_LargeAscendingBlocksEachBeforeTheNext_DisjointAndTheirSetsGivenAwayEmpty()
    {
        var blocks = new BlockItems();
        var first = Items("a", 0, Large);
        var second = Items("a", Large, Large);

        Assert.True(blocks.Add(first, ascending: true));
        var spare = blocks.TakeSpare();
        Assert.True(blocks.Add(second, ascending: true));

        Assert.True(blocks.Disjoint());
        Assert.Same(first, spare);
        Assert.Equal(0, spare!.Count);
        Assert.Same(second, blocks.TakeSpare());
        Assert.Null(blocks.TakeSpare());
    }

    [Fact]
    public void TakeSpare_SetOfABlockBefore_HoldsNoneOfItsItems()
    {
        // A block reading the same names again must number them from 0 as a new set does: nothing of the block before is found.
        var blocks = new BlockItems();
        blocks.Add(Items("a", 0, Large), ascending: true);

        var reused = blocks.TakeSpare()!;

        Assert.Equal(0, reused.Add(Name("a", 7)));
        Assert.Equal(1, reused.Add(Name("a", 3)));
        Assert.Equal(0, reused.Add(Name("a", 7)));
        Assert.Equal(2, reused.Count);
        Assert.Equal(Name("a", 3), reused[1].ToArray());
    }

    [Fact]
    public void Add_SmallAscendingBlocks_KeepTheirSets()
    {
        // A few items in no order are often ascending by chance: their sets stay, so a later block out of order is still checked.
        var blocks = new BlockItems();

        Assert.True(blocks.Add(Items("a", 0, 3), ascending: true));
        Assert.Null(blocks.TakeSpare());
        Assert.True(blocks.Add(Items("a", 1, 1), ascending: true));

        Assert.False(blocks.Disjoint());
    }

    [Fact]
    public void Add_BlockStartingAtOrBeforeTheLastItemAfterSetsWereGivenAway_CannotTell()
    {
        var blocks = new BlockItems();
        blocks.Add(Items("a", 0, Large), ascending: true);

        // Item 5 may or may not be in the block before (its set is gone): the caller must read the table in one pass.
        Assert.False(blocks.Add(Items("a", 5, 10), ascending: true));
    }

    [Fact]
    public void Add_BlockNotAscendingAfterSetsWereGivenAway_CannotTell()
    {
        var blocks = new BlockItems();
        blocks.Add(Items("a", 0, Large), ascending: true);

        Assert.False(blocks.Add(Items("b", 0, 2), ascending: false));
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public void Disjoint_FirstBlockInNoOrder_TellsByTheUnionOfEverySet(int laterItem, bool disjoint)
    {
        var blocks = new BlockItems();
        var descending = new SequenceSet<byte>();
        descending.Add(Name("b", 1));
        descending.Add(Name("b", 0));

        Assert.True(blocks.Add(descending, ascending: false));
        Assert.True(blocks.Add(Items("b", laterItem, 1), ascending: true));
        Assert.True(blocks.Add(Items("c", 0, Large), ascending: true));

        Assert.Equal(disjoint, blocks.Disjoint());
        Assert.Null(blocks.TakeSpare());
    }

    [Fact]
    public void Add_EmptyBlocks_LeaveTheOrderAsItWas()
    {
        var blocks = new BlockItems();

        Assert.True(blocks.Add(Items("a", 0, Large), ascending: true));
        Assert.True(blocks.Add(new SequenceSet<byte>(), ascending: true));
        Assert.True(blocks.Add(Items("a", Large, 1), ascending: true));

        Assert.True(blocks.Disjoint());
    }

    /// <summary>Items <paramref name="from"/> … <paramref name="from"/> + <paramref name="count"/> − 1, ascending.</summary>
    private static SequenceSet<byte> Items(string prefix, int from, int count)
    {
        var items = new SequenceSet<byte>();
        for (var i = from; i < from + count; i++)
        {
            items.Add(Name(prefix, i));
        }

        return items;
    }

    private static byte[] Name(string prefix, int number) => Encoding.UTF8.GetBytes($"{prefix}{number:D6}");
}
