using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Quality.Domain.Annotations;

namespace Quality.Domain.Formats.Manifest;

/// <summary>
/// The annotations of a manifest's files (in reading order, gold first), each file a stream of its own, merged into
/// whole items in the order one-file-after-another reading first reaches them, each item's annotations in that reading's
/// order: what grouping the files' concatenation by item gives.
/// </summary>
/// <remarks>
/// <para>
/// The first file's items come first, in its order; the rest (items of no annotation of the first file) after all of
/// them, by the first file and place each appears in. An item of the first file is given out once every file has moved
/// past it: the file has read the item's annotations and gone on to another item, or stands on an item the first file
/// lists later, or has ended. So files that list their items in the first file's order, each item's annotations
/// together, hold a few items at a time.
/// </para>
/// <para>
/// A file that stands on an item the first file has not placed (ahead of it, or on an item outside it) has moved past the
/// first file's items up to the last one it left; else it and the first file are read in turn until the first file
/// places the item or the file reaches a placed one. Items outside the first file wait, held, to the end: they come
/// after all of the first file's.
/// A file that returns to an item already given out (its items out of the first file's order, or one item's annotations
/// apart) throws <see cref="ItemOrderException"/>: the caller reads the delivery again as a whole.
/// </para>
/// </remarks>
internal sealed class ManifestItemMerge(IReadOnlyList<ChannelReader<Annotation[]>> files)
{
    /// <summary>Files merged at most: which files hold an item is a 64-bit set.</summary>
    public const int MaxFiles = 64;

    private readonly FileCursor[] _files = [.. files.Select(f => new FileCursor(f))];

    /// <summary>Every item read and not given out, by id.</summary>
    private readonly Dictionary<string, HeldItem> _held = new(StringComparer.Ordinal);

    /// <summary>The first file's items not given out, in its order.</summary>
    private readonly Queue<HeldItem> _placed = new();

    /// <summary>The first file's items given out: an annotation of one of them comes too late.</summary>
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);

    private long _nextPosition;

    /// <summary>The most items held at once (read, not given out): bounded for files in one order.</summary>
    public int MostHeld { get; private set; }

    /// <summary>The files each given-out item has annotations in, or-ed over the items that have some of the first file's.</summary>
    private ulong _filesSharingFirst;

    /// <summary>Whether file <paramref name="file"/> has an annotation on an item the first file has annotations on.</summary>
    public bool SharesItemWithFirst(int file) => (_filesSharingFirst & (1UL << file)) != 0;

    /// <summary>The items, each whole, in the one-file-after-another reading's order.</summary>
    /// <exception cref="ItemOrderException">A file came back to an item already given out.</exception>
    public async IAsyncEnumerable<IReadOnlyList<Annotation>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_files.Length, MaxFiles);
        while (true)
        {
            int file;
            if (_placed.TryPeek(out var next))
            {
                file = FileToRead(next);
                if (file == Passed)
                {
                    yield return GiveOut(_placed.Dequeue());
                    continue;
                }
            }
            else
            {
                file = _files[0].Ended ? Held : 0;
            }

            if (file == Held)
            {
                break;
            }

            await TakeAsync(file, cancellationToken);
        }

        for (var file = 0; file < _files.Length; file++)
        {
            while (!_files[file].Ended)
            {
                await TakeAsync(file, cancellationToken);
            }
        }

        // The first loop ends with no item placed and the first file ended, and only the first file places items: what
        // is left are the items the first file does not have.
        foreach (var item in _held.Values.OrderBy(h => h.FirstFile).ThenBy(h => h.FirstIndex).ToList())
        {
            yield return GiveOut(item);
        }
    }

    private const int Passed = -1;

    /// <summary>The first file has ended and none of its items waits: the rest is read to its end and given out in order.</summary>
    private const int Held = -2;

    /// <summary><see cref="Passed"/> when every file has moved past <paramref name="item"/>; else the file to read on.</summary>
    private int FileToRead(HeldItem item)
    {
        var first = _files[0];
        if (!first.Ended && first.Current == item)
        {
            return 0;
        }

        for (var file = 1; file < _files.Length; file++)
        {
            var cursor = _files[file];
            if (cursor.Ended || cursor.Current is { Position: >= 0 } current && current != item)
            {
                continue; // ended, or on an item the first file lists after this one
            }

            if (cursor.Current is null || cursor.Current == item)
            {
                return file;
            }

            // On an item the first file has not placed: past this one when it has left this item or a later one before.
            if (cursor.LastPlaced >= item.Position)
            {
                continue;
            }

            // Else it stands on an item outside the first file (it reads on to this item or past it), or ahead of the
            // first file (which reads on to place it): both read, in turn, until one of them settles it.
            return first.Ended || (_firstsTurn = !_firstsTurn) ? file : 0;
        }

        return Passed;
    }

    private bool _firstsTurn;

    /// <summary>Takes the next annotation of <paramref name="file"/> into its item.</summary>
    private async ValueTask TakeAsync(int file, CancellationToken cancellationToken)
    {
        var cursor = _files[file];
        if (await cursor.NextAsync(cancellationToken) is not { } annotation)
        {
            return;
        }

        var item = cursor.Current;
        if (item?.Item != annotation.Item)
        {
            if (!_held.TryGetValue(annotation.Item, out item))
            {
                if (_given.Contains(annotation.Item))
                {
                    throw new ItemOrderException($"file {file + 1} of the manifest came back to item '{annotation.Item}' (line {annotation.Line}) after it was complete");
                }

                item = new HeldItem(annotation.Item, _files.Length, file, cursor.Taken);
                _held.Add(annotation.Item, item);
                MostHeld = Math.Max(MostHeld, _held.Count);
            }

            if (file == 0 && item.Position < 0)
            {
                item.Position = _nextPosition++;
                _placed.Enqueue(item);
            }
            else if (file < item.FirstFile)
            {
                (item.FirstFile, item.FirstIndex) = (file, cursor.Taken);
            }

            cursor.LastPlaced = Math.Max(cursor.LastPlaced, cursor.Current?.Position ?? -1);
            cursor.Current = item;
        }

        item.Add(file, annotation);
    }

    private List<Annotation> GiveOut(HeldItem item)
    {
        _held.Remove(item.Item);
        if (item.Position >= 0)
        {
            _given.Add(item.Item);
            _filesSharingFirst |= item.Files;
        }

        return item.Annotations();
    }

    /// <summary>An item read and not given out: its annotations by file, and where the reading first reaches it.</summary>
    private sealed class HeldItem(string item, int files, int firstFile, long firstIndex)
    {
        private readonly List<Annotation>?[] _byFile = new List<Annotation>?[files];

        public string Item { get; } = item;

        /// <summary>Its place in the first file's order; -1 while the first file has not reached it.</summary>
        public long Position { get; set; } = -1;

        public int FirstFile { get; set; } = firstFile;

        /// <summary>How many annotations <see cref="FirstFile"/> had given before this item's first.</summary>
        public long FirstIndex { get; set; } = firstIndex;

        /// <summary>The files with annotations on it, one bit each.</summary>
        public ulong Files { get; private set; }

        public void Add(int file, Annotation annotation)
        {
            (_byFile[file] ??= []).Add(annotation);
            Files |= 1UL << file;
        }

        /// <summary>Its annotations, file after file.</summary>
        public List<Annotation> Annotations()
        {
            var all = new List<Annotation>(_byFile.Sum(f => f?.Count ?? 0));
            foreach (var annotations in _byFile)
            {
                all.AddRange(annotations ?? []);
            }

            return all;
        }
    }

    /// <summary>One file's annotations as its reader hands them over, in chunks.</summary>
    private sealed class FileCursor(ChannelReader<Annotation[]> chunks)
    {
        private Annotation[] _chunk = [];
        private int _next;

        /// <summary>The item of the annotation taken last; null before the first.</summary>
        public HeldItem? Current { get; set; }

        /// <summary>The latest place in the first file's order of the items it has left (placed when it left them); -1 for none.</summary>
        public long LastPlaced { get; set; } = -1;

        public bool Ended { get; private set; }

        /// <summary>Annotations taken so far.</summary>
        public long Taken { get; private set; }

        public async ValueTask<Annotation?> NextAsync(CancellationToken cancellationToken)
        {
            while (_next == _chunk.Length)
            {
                if (!await chunks.WaitToReadAsync(cancellationToken))
                {
                    Ended = true;
                    return null;
                }

                if (chunks.TryRead(out var chunk))
                {
                    (_chunk, _next) = (chunk, 0);
                }
            }

            Taken++;
            return _chunk[_next++];
        }
    }
}
