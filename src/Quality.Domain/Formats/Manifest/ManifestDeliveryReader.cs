using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Formats.Manifest;

/// <summary>
/// Reads every file of a multi-file delivery in turn, as one stream of annotations: each file in its declared or
/// detected format, its annotations given the manifest's annotator and role and the file's path, and held to the
/// manifest's field declarations. Gold files come first. Gold usually covers a sample of the items (honeypots), so
/// items without gold are normal; but a file none of whose items is in the gold files is an error: its ids do not
/// match (file names in one tool, numeric ids in another), and it would silently be audited against nothing. Class names a file declares (COCO categories) are passed
/// to the files after it that carry only codes (COCO results).
/// </summary>
/// <remarks>
/// With <see cref="ReadAhead"/> every file is parsed at once, each on a core of its own, and held until it is read: the
/// same annotations in the same order, the same warnings, and the error the one-file-after-another reading meets first
/// (each file's reading stops at its first error, which is raised when the reading reaches that file).
/// </remarks>
public sealed class ManifestDeliveryReader : IAnnotationReader, IReportsWarnings
{
    private readonly List<DeliveryWarning> _warnings = [];
    private readonly DeliveryManifest _manifest;
    private readonly IDeliveryFiles _files;
    private readonly string _manifestName;
    private readonly string _folder;
    private readonly IEnumerator<ManifestFile> _order;
    private readonly HashSet<string> _goldItems = new(StringComparer.Ordinal);
    private readonly List<string> _goldFiles = [];
    private IAnnotationReader? _reader;
    private bool _fileMeetsGold;
    private Annotation? _firstOutsideGold;
    private IReadOnlyDictionary<string, string>? _labelNames;
    private Stream? _stream;
    private ManifestFile? _file;
    private Queue<Task<ReadFile>>? _readAhead;
    private IEnumerator<Annotation>? _readAheadFile;
    private FileEnd? _readAheadEnd;

    /// <param name="manifestName">The manifest's name (blob or path); errors name each file by its path beside it.</param>
    public ManifestDeliveryReader(DeliveryManifest manifest, IDeliveryFiles files, string manifestName)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(manifestName);
        _manifest = manifest;
        _files = files;
        _manifestName = manifestName;
        _folder = manifestName[..(manifestName.LastIndexOf('/') + 1)];
        _order = manifest.ReadingOrder.GetEnumerator();
    }

    public DeliveryHeader Header => _manifest.Header;

    /// <summary>The warnings of every file read to its end so far, in reading order.</summary>
    public IReadOnlyList<DeliveryWarning> Warnings => _warnings;

    /// <summary>
    /// Parse every file at once, on every core, holding each whole until it is read: for a caller that holds the
    /// whole delivery anyway (the offline audit). Off, one file is open at a time and memory is the readers' buffers.
    /// </summary>
    public bool ReadAhead { get; init; }

    public async ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken)
    {
        if (ReadAhead)
        {
            return await ReadAheadAsync(cancellationToken);
        }

        while (true)
        {
            if (_reader is null)
            {
                if (!_order.MoveNext())
                {
                    return null;
                }

                _file = _order.Current;
                (_fileMeetsGold, _firstOutsideGold) = (false, null);
                _reader = await OpenAsync(_file, _labelNames, cancellationToken);
            }

            var file = _file!;
            var annotation = await _reader!.ReadAsync(cancellationToken);
            if (annotation is null)
            {
                EndOfFile(file, FileEnd.Of(_reader));
                Close();
                continue;
            }

            return Arrived(file, Stamped(file, annotation));
        }
    }

    /// <summary><see cref="ReadAsync"/> from the files parsed ahead: each file's annotations in turn, then its end.</summary>
    private async ValueTask<Annotation?> ReadAheadAsync(CancellationToken cancellationToken)
    {
        _readAhead ??= StartReadingAhead(cancellationToken);
        while (true)
        {
            if (_readAheadFile is null)
            {
                if (!_readAhead.TryDequeue(out var next))
                {
                    return null;
                }

                var read = await next;
                (_file, _readAheadFile, _readAheadEnd) = (read.File, read.Annotations.GetEnumerator(), read.End);
                (_fileMeetsGold, _firstOutsideGold) = (false, null);
            }

            if (_readAheadFile.MoveNext())
            {
                return Arrived(_file!, _readAheadFile.Current);
            }

            EndOfFile(_file!, _readAheadEnd!);
            _readAheadFile = null;
        }
    }

    /// <summary>
    /// The delivery's items, each whole, in the order <see cref="ReadAsync"/> first reaches them, each item's annotations
    /// in ReadAsync's order: what grouping ReadAsync's annotations by item gives, without holding them all. Every file is
    /// parsed at once, each on the thread pool, and the files are merged item by item (<see cref="ManifestItemMerge"/>):
    /// files that list their items in the first file's order hold a few items at a time; items a file lists elsewhere wait,
    /// held, until the merge can place them. The warnings are ReadAsync's, once the last item is given.
    /// </summary>
    /// <exception cref="ItemOrderException">A file came back to an item already given out, or a file takes class names
    /// from the files before it (COCO results): read the delivery with <see cref="ReadAsync"/> instead.</exception>
    /// <remarks>
    /// Any exception, a delivery's error included, is that of the file met first, not the first in ReadAsync's order, and
    /// a file whose items meet no gold file's raises <see cref="ItemOrderException"/>: a caller that reports errors reads
    /// the delivery again with ReadAsync for the error it would have met.
    /// </remarks>
    public async IAsyncEnumerable<IReadOnlyList<Annotation>> ReadItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = _manifest.ReadingOrder.ToList();
        var formats = new AnnotationFormat[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            formats[i] = await FormatOfAsync(files[i], cancellationToken);
        }

        if (files.Count > ManifestItemMerge.MaxFiles || formats.Any(f => f.ReadsLabelNames))
        {
            throw new ItemOrderException($"{_manifestName}: {files.Count} files, or a file that takes class names from the files before it, are read one after another");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = files.Select(_ => Channel.CreateBounded<Annotation[]>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true })).ToArray();
        var reads = files.Select((file, i) => Task.Run(() => ReadIntoAsync(file, formats[i], chunks[i].Writer, stop.Token), stop.Token)).ToArray();
        try
        {
            var merge = new ManifestItemMerge([.. chunks.Select(c => c.Reader)]);
            await foreach (var item in merge.ReadAsync(stop.Token))
            {
                yield return item;
            }

            MostItemsHeld = merge.MostHeld;

            var gold = files.Exists(f => f.Role == AnnotatorRole.Gold);
            for (var i = 0; i < files.Count; i++)
            {
                var end = await reads[i];
                if (gold && files[i].Role != AnnotatorRole.Gold && i > 0 && !merge.SharesItemWithFirst(i))
                {
                    throw new ItemOrderException($"{_folder + files[i].Path}: none of its items has annotations in the first file");
                }

                _warnings.AddRange(end.Warnings);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await ((Task)Task.WhenAll(reads)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The most items <see cref="ReadItemsAsync"/> held at once: a few for files in one order.</summary>
    internal int MostItemsHeld { get; private set; }

    /// <summary>Annotations a file's reader hands the merge at a time.</summary>
    private const int ChunkSize = 256;

    /// <summary>
    /// Chunks a file's reader may parse ahead of the merge: a file's share of an audited batch
    /// (<see cref="Audit.BatchAuditReader.BatchAnnotations"/> over a gold file and three annotators'; 4 chunks on two
    /// cores), so that while the merge waits for a batch's audit the readers can parse the next batch whole instead of
    /// stopping halfway. What is read ahead lives until it is audited: more only kept more alive between collections.
    /// </summary>
    private static readonly int ChunksAhead = Math.Max(2, Audit.BatchAuditReader.BatchAnnotations / (4 * ChunkSize));

    /// <summary>One file's annotations as declared, in chunks, for <see cref="ReadItemsAsync"/>; what its reader knew at its end.</summary>
    private async Task<FileEnd> ReadIntoAsync(ManifestFile file, AnnotationFormat format, ChannelWriter<Annotation[]> into, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await OpenExistingAsync(file, cancellationToken);
            using var reader = format.Open(stream, file.ToFileRole() with { File = _folder + file.Path });
            var (chunk, count) = (new Annotation[ChunkSize], 0);
            while (await reader.ReadAsync(cancellationToken) is { } annotation)
            {
                chunk[count++] = Stamped(file, annotation);
                if (count == ChunkSize)
                {
                    await into.WriteAsync(chunk, cancellationToken);
                    (chunk, count) = (new Annotation[ChunkSize], 0);
                }
            }

            if (count > 0)
            {
                await into.WriteAsync(chunk[..count], cancellationToken);
            }

            into.Complete();
            return FileEnd.Of(reader);
        }
        catch (Exception e)
        {
            into.Complete(e);
            throw;
        }
    }

    /// <summary>
    /// A task per file, in reading order, each parsing its file whole on the thread pool. A file whose format takes
    /// class names from the files before it (COCO results) waits for them, as the one-after-another reading would.
    /// </summary>
    private Queue<Task<ReadFile>> StartReadingAhead(CancellationToken cancellationToken)
    {
        var tasks = new Queue<Task<ReadFile>>();
        while (_order.MoveNext())
        {
            var (file, before) = (_order.Current, tasks.ToArray());
            tasks.Enqueue(Task.Run(() => ReadWholeAsync(file, before, cancellationToken), cancellationToken));
        }

        return tasks;
    }

    private async Task<ReadFile> ReadWholeAsync(ManifestFile file, Task<ReadFile>[] before, CancellationToken cancellationToken)
    {
        var format = await FormatOfAsync(file, cancellationToken);
        IReadOnlyDictionary<string, string>? labelNames = null;
        if (format.ReadsLabelNames)
        {
            foreach (var earlier in before)
            {
                labelNames = (await earlier).End.LabelNames ?? labelNames;
            }
        }

        await using var stream = await OpenExistingAsync(file, cancellationToken);
        using var reader = format.Open(stream, file.ToFileRole() with { File = _folder + file.Path, LabelNames = labelNames });
        var annotations = new List<Annotation>();
        while (await reader.ReadAsync(cancellationToken) is { } annotation)
        {
            annotations.Add(Stamped(file, annotation));
        }

        return new ReadFile(file, annotations, FileEnd.Of(reader));
    }

    /// <summary>
    /// An annotation as the manifest declares it (its file, annotator and role), held to the manifest's fields; copied only
    /// when its reader did not already give it all three (<see cref="FileRole.ManifestPath"/>).
    /// </summary>
    private Annotation Stamped(ManifestFile file, Annotation annotation)
    {
        var (annotator, role) = (file.Annotator ?? annotation.Annotator, file.Role ?? annotation.Role);
        if (annotation.File != file.Path || annotation.Annotator != annotator || annotation.Role != role)
        {
            annotation = annotation with { File = file.Path, Annotator = annotator, Role = role };
        }

        if (_manifest.Header.Check(annotation) is { } problem)
        {
            throw new DeliveryFormatException(_folder + file.Path, annotation.Line, problem.Field, problem.Problem);
        }

        return annotation;
    }

    /// <summary>The end of a file: its items must meet the gold files'; its warnings, class names and gold items are kept.</summary>
    private void EndOfFile(ManifestFile file, FileEnd end)
    {
        if (!_fileMeetsGold && _firstOutsideGold is { } first)
        {
            throw new DeliveryFormatException(_folder + file.Path, first.Line, "item",
                $"none of its items is an item of the gold file{(_goldFiles.Count > 1 ? "s" : "")} {string.Join(", ", _goldFiles)} (the first, '{first.Item}'); the files' item ids do not match");
        }

        _warnings.AddRange(end.Warnings);
        _labelNames = end.LabelNames ?? _labelNames; // e.g. a COCO ground truth's categories, for the results files after it
        if (file.Role == AnnotatorRole.Gold)
        {
            _goldFiles.Add(file.Path);
            _goldItems.UnionWith(end.DeclaredItems);
        }
    }

    /// <summary>Notes whether an annotation's item is one of the gold files' items.</summary>
    private Annotation Arrived(ManifestFile file, Annotation annotation)
    {
        if (file.Role == AnnotatorRole.Gold)
        {
            _goldItems.Add(annotation.Item);
        }
        else if (_goldFiles.Count > 0)
        {
            if (_goldItems.Contains(annotation.Item))
            {
                _fileMeetsGold = true;
            }
            else
            {
                _firstOutsideGold ??= annotation;
            }
        }

        return annotation;
    }

    /// <summary>Opens a listed file in its format, with the class names of the files before it.</summary>
    private async Task<IAnnotationReader> OpenAsync(ManifestFile file, IReadOnlyDictionary<string, string>? labelNames, CancellationToken cancellationToken)
    {
        var format = await FormatOfAsync(file, cancellationToken);
        _stream = await OpenExistingAsync(file, cancellationToken);
        return format.Open(_stream, file.ToFileRole() with { File = _folder + file.Path, LabelNames = labelNames });
    }

    /// <summary>A listed file's declared format, or the one its first bytes show (read once; the reader reopens it).</summary>
    private async Task<AnnotationFormat> FormatOfAsync(ManifestFile file, CancellationToken cancellationToken)
    {
        if (file.Format is { } name)
        {
            return AnnotationFormats.Find(name)!;
        }

        await using var probe = await OpenExistingAsync(file, cancellationToken);
        return AnnotationFormats.Detect(await AnnotationFormats.ReadHeadAsync(probe, cancellationToken), _folder + file.Path);
    }

    private async Task<Stream> OpenExistingAsync(ManifestFile file, CancellationToken cancellationToken) =>
        await _files.OpenAsync(file.Path, cancellationToken)
        ?? throw new DeliveryFormatException(_manifestName, 0, file.Field("path"), $"'{file.Path}' is listed but was not delivered");

    private void Close()
    {
        _reader?.Dispose();
        _reader = null;
        _stream?.Dispose();
        _stream = null;
    }

    public void Dispose()
    {
        Close();
        _order.Dispose();
    }

    /// <summary>One file parsed ahead: its annotations as declared, and what its reader knew at its end.</summary>
    private sealed record ReadFile(ManifestFile File, List<Annotation> Annotations, FileEnd End);

    /// <summary>What a file's reader knows once it has returned null: its warnings, class names and declared items.</summary>
    private sealed record FileEnd(IReadOnlyList<DeliveryWarning> Warnings, IReadOnlyDictionary<string, string>? LabelNames, IReadOnlyList<string> DeclaredItems)
    {
        public static FileEnd Of(IAnnotationReader reader) => new(
            reader is IReportsWarnings warns ? [.. warns.Warnings] : [],
            reader is ILabelNames names ? names.LabelNames : null,
            reader is IDeclaresItems declared ? [.. declared.DeclaredItems] : []);
    }
}
