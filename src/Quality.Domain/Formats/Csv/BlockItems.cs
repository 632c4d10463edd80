using Quality.Domain.Agreement;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// What a table read in blocks (<see cref="RatingsCsvBlocks"/>) keeps of each block's items to tell whether no item is in
/// two blocks, added in block order; and the item sets it no longer needs, cleared for blocks still to be parsed.
/// </summary>
/// <remarks>
/// <para>
/// In a sorted table every block is ascending and before the next, which only the last item of the block before shows:
/// a large block's set is then cleared and given to a later block, so that as many sets as blocks in flight grow once
/// instead of one per block growing by doubling (in the large-object heap, where every growth counts towards a full
/// collection). Blocks out of that order need the union of every block's items, so from the first such block every set
/// is kept; when sets were already given away by then, the union cannot be made and <see cref="Add"/> says so: the
/// table is read in one pass, which gives the same result.
/// </para>
/// <para>
/// Only a set of <see cref="GiveAwayItems"/> items or more is given away: a smaller one is far below the large-object
/// heap and costs nothing to keep, and a block of items in no order is ascending by chance with probability 1/n!, which
/// for that many items never happens, so a table in no order keeps every set and is checked on their union as before.
/// </para>
/// </remarks>
internal sealed class BlockItems
{
    /// <summary>The fewest items of a block whose set is given away (see remarks).</summary>
    public const int GiveAwayItems = 1024;

    private readonly Stack<SequenceSet<byte>> _spare = new();
    private readonly List<SequenceSet<byte>> _kept = [];

    /// <summary>The last item of the blocks added so far, while they are ordered; null before the first item.</summary>
    private byte[]? _last;

    /// <summary>Every block so far ascending and before the next: no set needs to be kept.</summary>
    private bool _ordered = true;

    /// <summary>Some block's set was given away: the union of every block's items can no longer be made.</summary>
    private bool _gaveAway;

    /// <summary>An empty set whose arrays a block before grew; null when none is free.</summary>
    public SequenceSet<byte>? TakeSpare() => _spare.TryPop(out var items) ? items : null;

    /// <summary>Adds the items of the next block, in first-seen order; <paramref name="ascending"/> when each came after the one before.</summary>
    /// <returns>False when whether the blocks are disjoint can no longer be told: blocks before gave their sets away.</returns>
    public bool Add(SequenceSet<byte> items, bool ascending)
    {
        if (items.Count == 0)
        {
            return true;
        }

        _ordered = _ordered && ascending && (_last is null || _last.AsSpan().SequenceCompareTo(items[0]) < 0);
        if (!_ordered)
        {
            _kept.Add(items);
            return !_gaveAway;
        }

        _last = items[items.Count - 1].ToArray();
        if (items.Count < GiveAwayItems)
        {
            _kept.Add(items);
            return true;
        }

        items.Clear();
        _spare.Push(items);
        _gaveAway = true;
        return true;
    }

    /// <summary>No item in two of the blocks added: each ascending and before the next, or else their union counts every item once.</summary>
    public bool Disjoint()
    {
        if (_ordered)
        {
            return true;
        }

        var union = new SequenceSet<byte>();
        var total = 0;
        foreach (var items in _kept)
        {
            total += items.Count;
            for (var i = 0; i < items.Count; i++)
            {
                union.Add(items[i]);
            }
        }

        return union.Count == total;
    }
}
