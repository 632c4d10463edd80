using System.Text.Json;
using Quality.Domain.Annotations;

namespace Quality.Domain.Formats.Json;

/// <summary>
/// A reader for a JSON export: a subclass finds the records (array elements) in the document's structure and turns
/// each into zero or more annotations; this class hands them out one at a time. Memory holds one record and its
/// annotations.
/// </summary>
internal abstract class JsonAnnotationReader : IAnnotationReader
{
    private readonly Queue<Annotation> _pending = new();
    private bool _finished;
    private bool _rootArrayEntered;

    protected JsonAnnotationReader(Stream stream, FileRole file)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        Splitter = new JsonStreamSplitter(stream, file.File);
    }

    protected FileRole File { get; }

    protected JsonStreamSplitter Splitter { get; }

    public async ValueTask<Annotation?> ReadAsync(CancellationToken cancellationToken)
    {
        while (_pending.Count == 0)
        {
            if (_finished)
            {
                return null;
            }

            var record = await NextRecordAsync(cancellationToken);
            if (record is null)
            {
                _finished = true;
                continue;
            }

            Convert(record.Value, _pending);
        }

        return _pending.Dequeue();
    }

    /// <summary>The next record, or null once the document has been read to its end.</summary>
    protected abstract ValueTask<JsonRecord?> NextRecordAsync(CancellationToken cancellationToken);

    /// <summary>
    /// For a document that is one array of records: the next one, or null after the array (checking nothing follows).
    /// </summary>
    /// <param name="expected">What the file should be, for the error when its root is not an array.</param>
    protected async ValueTask<JsonRecord?> NextInRootArrayAsync(string expected, CancellationToken cancellationToken)
    {
        if (!_rootArrayEntered)
        {
            _rootArrayEntered = true;
            if (await Splitter.ReadRootAsync(cancellationToken) != JsonTokenType.StartArray)
            {
                throw new DeliveryFormatException(File.File, 1, null, $"{expected}; this file is not an array");
            }
        }

        if (await Splitter.ReadElementAsync(cancellationToken) is { } element)
        {
            return new JsonRecord(element);
        }

        await Splitter.ReadEndAsync(cancellationToken);
        return null;
    }

    /// <summary>Adds the record's annotations, in file order, to <paramref name="annotations"/>.</summary>
    protected abstract void Convert(JsonRecord record, Queue<Annotation> annotations);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Splitter.Dispose();
        }
    }
}
