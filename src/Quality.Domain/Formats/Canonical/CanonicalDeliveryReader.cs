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
    private readonly Utf8StringPool _strings = new();
    private DeliveryHeader? _header;
    private DeliveryHeader? _alsoDeclared;
    private DeclaredFieldIndex? _declared;

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
        if (NotJsonLines(line.Span.Trim(" \t"u8)) is { } problem)
        {
            throw new DeliveryFormatException(_file, _lines.LineNumber, null, problem);
        }

        _header = CanonicalLineParser.ParseHeader(line.Span, _file);
        return _header;
    }

    /// <summary>
    /// A JSON array, or an object spread over lines, where JSON Lines was expected (what JSON tools write by default):
    /// what to write instead.
    /// </summary>
    private static string? NotJsonLines(ReadOnlySpan<byte> firstLine) => firstLine switch
    {
        [(byte)'[', ..] => "is a JSON array, but a delivery is JSON Lines; write the header object on line 1 and each annotation object on a line of its own, without brackets or commas between them (jq -c '.[]')",
        [(byte)'{'] => "opens a JSON object that goes on over several lines, but a delivery is JSON Lines; write each object on one line (jq -c .)",
        _ => null,
    };

    /// <summary>
    /// The next annotation, or <c>null</c> at the end of the file. A frame tag of a field the header declares must
    /// carry one of its values (a number for interval and ratio fields).
    /// </summary>
    public ValueTask<Annotation?> ReadAnnotationAsync(CancellationToken cancellationToken)
    {
        var line = _lines.ReadLineAsync(cancellationToken);
        if (!line.IsCompletedSuccessfully)
        {
            return ReadAnnotationAsync(line);
        }

        // The line was buffered: parse it without an async state machine, failing the task as an async method would.
        try
        {
            return new(Parse(line.Result));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<Annotation?>(ex);
        }
    }

    /// <summary>
    /// Holds every annotation, after the header's own declarations, also to <paramref name="declarations"/>' fields (a
    /// registered taxonomy's levels and values, overridden by the header's), with the same errors as
    /// <see cref="DeliveryHeader.Checking"/>.
    /// </summary>
    public void CheckAlso(DeliveryHeader declarations)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        _alsoDeclared = declarations;
        _declared = null;
    }

    /// <summary>
    /// The next line for ingest's shards, or <c>null</c> at the end of the file: validated as
    /// <see cref="ReadAnnotationAsync"/> validates it, with the same errors, but without building the annotation when
    /// <see cref="CanonicalLineValidator"/> can decide it on the bytes (nearly every line of a delivery). The line lives
    /// in the reader's buffer until the next read.
    /// </summary>
    public ValueTask<ValidatedLine?> ReadValidatedLineAsync(CancellationToken cancellationToken)
    {
        var line = _lines.ReadLineAsync(cancellationToken);
        if (!line.IsCompletedSuccessfully)
        {
            return ReadValidatedLineAsync(line);
        }

        try
        {
            return new(Validate(line.Result));
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<ValidatedLine?>(ex);
        }
    }

    public void Dispose() => _lines.Dispose();

    private async ValueTask<Annotation?> ReadAnnotationAsync(ValueTask<ReadOnlyMemory<byte>?> line) => Parse(await line);

    private async ValueTask<ValidatedLine?> ReadValidatedLineAsync(ValueTask<ReadOnlyMemory<byte>?> line) => Validate(await line);

    private ValidatedLine? Validate(ReadOnlyMemory<byte>? line)
    {
        if (line is null)
        {
            return null;
        }

        _declared ??= new DeclaredFieldIndex((_alsoDeclared ?? _header)?.Fields ?? new Dictionary<string, FieldDeclaration>());
        return !_normalised && CanonicalLineValidator.IsValid(line.Value.Span, _declared, out var item)
            ? new ValidatedLine(line.Value, _lines.LineNumber, item, null)
            : new ValidatedLine(line.Value, _lines.LineNumber, default, Parse(line));
    }

    private Annotation? Parse(ReadOnlyMemory<byte>? line)
    {
        if (line is null)
        {
            return null;
        }

        var annotation = CanonicalLineParser.ParseAnnotation(line.Value.Span, _file, _lines.LineNumber, _normalised, _strings);
        if (_header?.Check(annotation) is { } problem)
        {
            throw new DeliveryFormatException(_file, annotation.Line, problem.Field, problem.Problem);
        }

        if (_alsoDeclared?.Check(annotation) is { } also)
        {
            throw new DeliveryFormatException(annotation.SourceIn(_file), annotation.Line, also.Field, also.Problem);
        }

        return annotation;
    }
}
