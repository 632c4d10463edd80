using Quality.Domain.Annotations;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Formats.Canonical;

/// <summary>
/// Streams a canonical delivery: the header, then one annotation at a time. Memory is bounded by the longest line.
/// </summary>
public sealed class CanonicalDeliveryReader : IDisposable
{
    private readonly JsonLinesReader _lines;
    private readonly string _file;
    private readonly bool _normalised;

    /// <param name="file">The name errors report, e.g. the blob name.</param>
    /// <param name="normalised">True for the pipeline's own shards, whose lines carry the source line.</param>
    public CanonicalDeliveryReader(Stream stream, string file, bool normalised = false)
    {
        _lines = new JsonLinesReader(stream, file);
        _file = file;
        _normalised = normalised;
    }

    public long BytesRead => _lines.BytesRead;

    /// <summary>Reads and validates the first line.</summary>
    public async Task<DeliveryHeader> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        var line = await _lines.ReadLineAsync(cancellationToken)
            ?? throw new DeliveryFormatException(_file, 0, null, "is empty; a delivery starts with a header line");
        return CanonicalLineParser.ParseHeader(line.Span, _file);
    }

    /// <summary>The next annotation, or <c>null</c> at the end of the file.</summary>
    public async ValueTask<Annotation?> ReadAnnotationAsync(CancellationToken cancellationToken)
    {
        var line = await _lines.ReadLineAsync(cancellationToken);
        return line is null ? null : CanonicalLineParser.ParseAnnotation(line.Value.Span, _file, _lines.LineNumber, _normalised);
    }

    public void Dispose() => _lines.Dispose();
}
