using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Quality.Domain.Annotations;

namespace Quality.Domain.Formats.Canonical;

/// <summary>Writes canonical lines: the header and normalised annotations (the pipeline's shard format).</summary>
public static class CanonicalWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    public static void WriteHeader(Stream stream, DeliveryHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("format", CanonicalFormat.Name);
            WriteHeaderProperties(writer, header);
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The header's properties after <c>format</c>: version, names, taxonomy, data types, metadata (a manifest states the same).</summary>
    internal static void WriteHeaderProperties(Utf8JsonWriter writer, DeliveryHeader header)
    {
        writer.WriteNumber("version", CanonicalFormat.Version);
        writer.WriteString("deliveryId", header.DeliveryId);
        writer.WriteString("pipeline", header.Pipeline);
        writer.WriteString("vendor", header.Vendor);
        writer.WriteStartObject("taxonomy");
        writer.WriteString("name", header.Taxonomy.Name);
        writer.WriteString("version", header.Taxonomy.Version);
        writer.WriteEndObject();
        writer.WriteStartArray("dataTypes");
        foreach (var type in header.DataTypes)
        {
            writer.WriteStringValue(type);
        }

        writer.WriteEndArray();
        if (header.Metadata.Count > 0)
        {
            writer.WriteStartObject("metadata");
            foreach (var (name, value) in header.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }
    }

    /// <param name="withSourceLine">Normalised shards keep the line of the delivered file for error messages.</param>
    public static void WriteAnnotation(IBufferWriter<byte> output, Annotation annotation, bool withSourceLine)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(annotation);

        // One writer per thread, reset onto each output: a new writer per line was most of the writing time at ingest.
        var writer = t_writer ??= new Utf8JsonWriter(output, Options);
        writer.Reset(output);
        try
        {
            writer.WriteStartObject();
            if (annotation.Id is not null)
            {
                writer.WriteString(Names.Id, annotation.Id);
            }

            writer.WriteString(Names.Item, annotation.Item);
            writer.WriteString(Names.Annotator, annotation.Annotator);
            writer.WriteString(Names.Role, annotation.Role switch
            {
                AnnotatorRole.Gold => Names.Gold,
                AnnotatorRole.Reviewer => Names.Reviewer,
                _ => Names.AnnotatorRole,
            });
            if (annotation.IsTag)
            {
                writer.WriteString(Names.Field, annotation.Field);
            }

            writer.WriteString(Names.Label, annotation.Label);
            WriteGeometry(writer, annotation);
            if (annotation.Image is { } image)
            {
                writer.WriteStartObject(Names.Image);
                writer.WriteNumber(Names.Width, image.Width);
                writer.WriteNumber(Names.Height, image.Height);
                writer.WriteEndObject();
            }

            if (annotation.Attributes is { Count: > 0 } attributes)
            {
                writer.WriteStartObject(Names.Attributes);
                foreach (var (name, value) in attributes)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            }

            if (withSourceLine)
            {
                writer.WriteNumber(Names.SourceLine, annotation.Line);
                if (annotation.File is not null)
                {
                    writer.WriteString(Names.SourceFile, annotation.File);
                }
            }

            writer.WriteEndObject();
        }
        finally
        {
            // As disposing a writer did: what was written reaches the output, even when writing failed half-way.
            writer.Flush();
            writer.Reset(NoOutput.Instance);
        }

        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    /// <summary>
    /// The normalised line of an annotation <see cref="CanonicalLineParser"/> parsed from <paramref name="line"/> (a
    /// delivered line, not a normalised one): the line itself, its final <c>}</c> preceded by <c>"sourceLine"</c> (and
    /// <c>"sourceFile"</c>). The parser validated every byte of it, so it reads back as the same annotation as
    /// <see cref="WriteAnnotation"/> writes, without formatting its numbers again (a quarter of ingest's time).
    /// </summary>
    /// <remarks>
    /// An empty <c>"attributes": {}</c> is the one thing the writer drops (it reads back as no attributes), so such a
    /// line is written anew.
    /// </remarks>
    public static void WriteParsedLine(IBufferWriter<byte> output, Annotation annotation, ReadOnlySpan<byte> line)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(annotation);
        if (annotation.Attributes is { Count: 0 })
        {
            WriteAnnotation(output, annotation, withSourceLine: true);
            return;
        }

        WriteWithSource(output, line, annotation.Line, annotation.File);
    }

    /// <summary>
    /// The normalised line of a line the reader validated (<see cref="CanonicalDeliveryReader.ReadValidatedLineAsync"/>):
    /// passed through as <see cref="WriteParsedLine"/> passes a parsed one (the validator accepts no empty attributes).
    /// </summary>
    public static void WriteValidatedLine(IBufferWriter<byte> output, ValidatedLine line)
    {
        if (line.Annotation is { } annotation)
        {
            WriteParsedLine(output, annotation, line.Json.Span);
        }
        else
        {
            WriteWithSource(output, line.Json.Span, line.Line, sourceFile: null);
        }
    }

    private static void WriteWithSource(IBufferWriter<byte> output, ReadOnlySpan<byte> line, long sourceLine, string? sourceFile)
    {
        ArgumentNullException.ThrowIfNull(output);

        // After the object the parser allows JSON whitespace only: the last other byte closes it.
        var end = line.TrimEnd(JsonWhitespace);
        if (end.IsEmpty || end[^1] != (byte)'}')
        {
            throw new ArgumentException("The line is not one JSON object.", nameof(line));
        }

        var body = end[..^1];
        var empty = body.TrimEnd(JsonWhitespace) is [.., (byte)'{'];
        var file = sourceFile is null ? default : EncodedFile(sourceFile);
        var fileBytes = sourceFile is null ? 0 : SourceFileBytes.Length + file.EncodedUtf8Bytes.Length + 1;
        var span = output.GetSpan(body.Length + SourceLineBytes.Length + MaxLongDigits + fileBytes + 2);
        body.CopyTo(span);
        var at = body.Length;

        // An object without properties takes no comma; no annotation is one (it has an item at least).
        Append(span, ref at, empty ? SourceLineBytes[1..] : SourceLineBytes);
        sourceLine.TryFormat(span[at..], out var digits, default, CultureInfo.InvariantCulture);
        at += digits;
        if (sourceFile is not null)
        {
            Append(span, ref at, SourceFileBytes);
            Append(span, ref at, file.EncodedUtf8Bytes);
            span[at++] = (byte)'"';
        }

        span[at++] = (byte)'}';
        span[at++] = (byte)'\n';
        output.Advance(at);

        static void Append(Span<byte> span, ref int at, ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(span[at..]);
            at += bytes.Length;
        }
    }

    private const int MaxLongDigits = 20;

    private static ReadOnlySpan<byte> JsonWhitespace => " \t\r\n"u8;

    private static ReadOnlySpan<byte> SourceLineBytes => ",\"sourceLine\":"u8;

    private static ReadOnlySpan<byte> SourceFileBytes => ",\"sourceFile\":\""u8;

    /// <summary>The file's name as a JSON string's content, encoded once for all the lines of the file.</summary>
    private static JsonEncodedText EncodedFile(string file)
    {
        if (t_file is not { } cached || !ReferenceEquals(cached.Name, file))
        {
            t_file = cached = (file, JsonEncodedText.Encode(file));
        }

        return cached.Encoded;
    }

    [ThreadStatic]
    private static (string Name, JsonEncodedText Encoded)? t_file;

    private static void WriteGeometry(Utf8JsonWriter writer, Annotation annotation)
    {
        if (annotation.Box is { } box)
        {
            writer.WriteStartObject(Names.Geometry);
            writer.WriteString(Names.Type, Names.Box2D);
            writer.WriteNumber(Names.X, box.X);
            writer.WriteNumber(Names.Y, box.Y);
            writer.WriteNumber(Names.Width, box.Width);
            writer.WriteNumber(Names.Height, box.Height);
            writer.WriteEndObject();
        }
        else if (annotation.Cuboid is { } c)
        {
            writer.WriteStartObject(Names.Geometry);
            writer.WriteString(Names.Type, Names.Cuboid);
            writer.WriteNumber(Names.X, c.X);
            writer.WriteNumber(Names.Y, c.Y);
            writer.WriteNumber(Names.Z, c.Z);
            writer.WriteNumber(Names.Length, c.Length);
            writer.WriteNumber(Names.Width, c.Width);
            writer.WriteNumber(Names.Height, c.Height);
            writer.WriteNumber(Names.Yaw, c.Yaw);
            writer.WriteEndObject();
        }
    }

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The property names and fixed values of an annotation line, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Item = JsonEncodedText.Encode("item");
        public static readonly JsonEncodedText Annotator = JsonEncodedText.Encode("annotator");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText Gold = JsonEncodedText.Encode("gold");
        public static readonly JsonEncodedText Reviewer = JsonEncodedText.Encode("reviewer");
        public static readonly JsonEncodedText AnnotatorRole = JsonEncodedText.Encode("annotator");
        public static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText Image = JsonEncodedText.Encode("image");
        public static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
        public static readonly JsonEncodedText SourceLine = JsonEncodedText.Encode(CanonicalLineParser.SourceLineProperty);
        public static readonly JsonEncodedText SourceFile = JsonEncodedText.Encode(CanonicalLineParser.SourceFileProperty);
        public static readonly JsonEncodedText Geometry = JsonEncodedText.Encode("geometry");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Box2D = JsonEncodedText.Encode("box2d");
        public static readonly JsonEncodedText Cuboid = JsonEncodedText.Encode("cuboid");
        public static readonly JsonEncodedText X = JsonEncodedText.Encode("x");
        public static readonly JsonEncodedText Y = JsonEncodedText.Encode("y");
        public static readonly JsonEncodedText Z = JsonEncodedText.Encode("z");
        public static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
        public static readonly JsonEncodedText Width = JsonEncodedText.Encode("width");
        public static readonly JsonEncodedText Height = JsonEncodedText.Encode("height");
        public static readonly JsonEncodedText Yaw = JsonEncodedText.Encode("yaw");
    }

    /// <summary>Where the idle writer points between lines, so it holds no shard buffer alive.</summary>
    private sealed class NoOutput : IBufferWriter<byte>
    {
        public static readonly NoOutput Instance = new();

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("The idle writer has no output.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("The idle writer has no output.");
    }
}
