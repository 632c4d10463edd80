using Quality.Domain.Agreement;
using Quality.Domain.Audit;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// Reads a ratings table into a <see cref="BatchAudit"/> on every core: the stream is cut into blocks of whole lines,
/// cut where the item changes, each block is parsed into its own <see cref="TagTable"/>, which groups its rows into units
/// as it reads them (no row is stored), while the next is read, and the audits are merged in block order. A table the
/// blocks cannot reproduce exactly is read in one pass instead, so the result and every error message are those of
/// <see cref="RatingsCsvReader.ReadIntoAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// Merging is exact: rating patterns are integer counts whose statistics do not depend on the order they were added or
/// merged in (<see cref="RatingPatterns"/>), and a unit is the same wherever it is read as long as all of its rows are in
/// one block. That is checked, not assumed: the blocks' items must be disjoint (each block ascending and before the next,
/// as in a sorted table, or else no item counted twice in their union; <see cref="BlockItems"/>).
/// </para>
/// <para>
/// Line numbers are only known once the blocks before are counted, so a block's errors would name the wrong line: when
/// any block fails (a malformed row, a value its declaration refuses, an annotator tagging a field twice, an item's rows
/// not following each other, which a block grouping as it reads cannot take) or the items are not disjoint, the stream
/// is rewound and read in one pass, which throws the error it always threw, at its line. That needs a seekable stream;
/// any other, a small table, or a single core is read in one pass from the start.
/// </para>
/// </remarks>
internal static class RatingsCsvBlocks
{
    /// <summary>Bytes a block reads at least: 108 MB make 13 blocks, few enough to merge and enough to share.</summary>
    public const int DefaultBlockBytes = 8 << 20;

    /// <summary>How far back from a block's end the cut looks for a change of item.</summary>
    private const int CutSearchBytes = 64 * 1024;

    /// <summary>Reads every row of <paramref name="reader"/>'s table into <paramref name="audit"/>, in blocks when it can.</summary>
    /// <param name="newTable">
    /// A new table for the rows of a block (grouping them as read if asked) or of the whole file (storing them), its items
    /// in the empty set given (one an earlier block no longer needs, <see cref="BlockItems"/>) or in a new one when null.
    /// </param>
    /// <param name="workers">Blocks parsed at once; the cores by default. One means one pass.</param>
    /// <returns>Whether the table was read in blocks (false: in one pass).</returns>
    /// <exception cref="DeliveryFormatException">As <see cref="RatingsCsvReader.ReadIntoAsync"/> and <see cref="TagTable.AddTo"/>.</exception>
    public static async Task<bool> ReadAsync(
        RatingsCsvReader reader, Func<bool, SequenceSet<byte>?, TagTable> newTable, BatchAudit audit, CancellationToken cancellationToken,
        int blockBytes = DefaultBlockBytes, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(newTable);
        ArgumentNullException.ThrowIfNull(audit);
        var stream = reader.Stream;
        var start = stream.CanSeek ? stream.Position : -1;
        var parallel = workers ?? Environment.ProcessorCount;
        if (start >= 0 && parallel > 1 && stream.Length - start >= 2L * blockBytes
            && await TryBlocksAsync(reader, newTable, blockBytes, parallel, cancellationToken) is { } blocks)
        {
            audit.Merge(blocks);
            return true;
        }

        if (start >= 0)
        {
            stream.Seek(start, SeekOrigin.Begin);
        }

        var table = newTable(false, null);
        await reader.ReadIntoAsync(table, cancellationToken);
        table.AddTo(audit);
        return false;
    }

    /// <summary>The blocks' audits merged in block order; null when the blocks cannot give exactly what one pass gives.</summary>
    private static async Task<BatchAudit?> TryBlocksAsync(
        RatingsCsvReader reader, Func<bool, SequenceSet<byte>?, TagTable> newTable, int blockBytes, int workers, CancellationToken cancellationToken)
    {
        // One buffer per block in flight, each used again once its block is parsed, freed only after every block is done.
        using var buffers = new BlockBuffers(blockBytes);
        var parsing = new Queue<Task<Block?>>();
        try
        {
            return await ReadBlocksAsync(reader, newTable, buffers, parsing, workers, cancellationToken);
        }
        finally
        {
            // Every block still parsing ends (failed or not) before its buffer is freed and before one pass rewinds the stream.
            await Task.WhenAll((IEnumerable<Task>)parsing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Reads the blocks into <paramref name="buffers"/>' buffers, each parsed on the pool as <paramref name="parsing"/>.</summary>
    private static async Task<BatchAudit?> ReadBlocksAsync(
        RatingsCsvReader reader, Func<bool, SequenceSet<byte>?, TagTable> newTable, BlockBuffers buffers, Queue<Task<Block?>> parsing, int workers,
        CancellationToken cancellationToken)
    {
        var merged = new BatchAudit();
        var items = new BlockItems();

        // Blocks are merged as they finish, in order, so that only the blocks in flight are held apart.
        async Task<bool> MergeNext()
        {
            if (await parsing.Dequeue() is not { } block)
            {
                return false;
            }

            merged.Merge(block.Audit);
            return items.Add(block.Items, block.Ascending);
        }

        char? separator = null;
        var headerEnd = -1;
        var carry = Array.Empty<byte>();
        var eof = false;
        for (var first = true; !eof; first = false)
        {
            // Carry is a line or a few: far below a block, so a block's buffer holds it and the rows after it.
            var buffer = buffers.Rent(2 * carry.Length);
            var memory = buffer.Memory;
            carry.CopyTo(memory);
            var filled = carry.Length;
            while (filled < memory.Length && !eof)
            {
                var read = await reader.Stream.ReadAsync(memory[filled..], cancellationToken);
                filled += read;
                eof = read == 0;
            }

            if (first)
            {
                headerEnd = memory.Span[..filled].IndexOf((byte)'\n');
                separator = headerEnd < 0 ? null : RatingsCsvReader.PlainHeaderSeparator(memory.Span[..headerEnd]);
            }

            var length = eof ? filled : Cut(memory.Span[..filled], first ? 0 : 1);
            if (separator is null || length < 0)
            {
                // A header other than the plain one, or a line longer than a block: one pass says what it is.
                return null;
            }

            if (parsing.Count >= workers && !await MergeNext())
            {
                return null;
            }

            // Every block after the first starts at the '\n' before its first row (a blank first line); the first after its header.
            carry = memory[Math.Max(length - 1, 0)..filled].ToArray(); // copied before the block's buffer is used again
            var (from, used) = (first ? headerEnd + 1 : 0, length);
            var table = newTable(true, items.TakeSpare());
            parsing.Enqueue(Task.Run(() => Parse(reader, buffers, buffer, from, used, separator.Value, table), cancellationToken));
        }

        while (parsing.Count > 0)
        {
            if (!await MergeNext())
            {
                return null;
            }
        }

        return items.Disjoint() ? merged : null;
    }

    /// <summary>
    /// One block's rows, bytes <paramref name="from"/> to <paramref name="length"/> of <paramref name="buffer"/>, read from
    /// their bytes and grouped into units; null when the block cannot be read (one pass will say why, at its line).
    /// </summary>
    private static Block? Parse(
        RatingsCsvReader reader, BlockBuffers buffers, NativeBuffer buffer, int from, int length, char separator, TagTable table)
    {
        var audit = new BatchAudit();
        try
        {
            using var rows = RatingsCsvReader.Continuing(Stream.Null, reader.File, reader.Role, separator);
            if (!rows.ReadBlockInto(table, buffer.GetSpan()[from..length]))
            {
                return null;
            }

            table.AddTo(audit);
        }
        catch (DeliveryFormatException)
        {
            return null;
        }
        finally
        {
            buffers.Return(buffer);
        }

        return new Block(table.Items, table.Ascending, audit);
    }

    /// <summary>
    /// The length of the block to parse: up to and including the '\n' before the row where the item changes, searching
    /// back from the last whole line (blank rows are passed over); the last line's end when no change is found nearby;
    /// -1 when the block holds no whole line after <paramref name="from"/>.
    /// </summary>
    private static int Cut(ReadOnlySpan<byte> data, int from)
    {
        var end = data.LastIndexOf((byte)'\n');
        if (end < from)
        {
            return -1;
        }

        ReadOnlySpan<byte> later = default;
        var laterStart = -1; // the '\n' before the row of item `later`
        var limit = Math.Max(from, end - CutSearchBytes);
        for (var lineEnd = end; lineEnd > limit;)
        {
            var lineStart = data[..lineEnd].LastIndexOf((byte)'\n');
            if (lineStart < from)
            {
                break;
            }

            var item = FirstCell(data[(lineStart + 1)..lineEnd]);
            if (!item.Trim(" \t\r"u8).IsEmpty)
            {
                if (laterStart >= 0 && !item.SequenceEqual(later))
                {
                    return laterStart + 1;
                }

                later = item;
                laterStart = lineStart;
            }

            lineEnd = lineStart;
        }

        return end + 1;
    }

    /// <summary>A row's bytes up to its first separator: its item, for a plain row.</summary>
    private static ReadOnlySpan<byte> FirstCell(ReadOnlySpan<byte> row)
    {
        var separator = row.IndexOfAny((byte)',', (byte)'\t');
        return separator < 0 ? row : row[..separator];
    }

    /// <summary>A block read: its items (for the disjointness check) and its units.</summary>
    private sealed record Block(SequenceSet<byte> Items, bool Ascending, BatchAudit Audit);
}
