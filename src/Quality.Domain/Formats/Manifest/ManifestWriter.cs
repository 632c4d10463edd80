using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Formats.Manifest;

/// <summary>
/// Writes a <c>manifest.json</c> for files delivered as they are (<c>quality submit</c>, <c>POST /api/deliveries</c> with
/// names in the query): what <see cref="ManifestParser"/> reads back as the same delivery.
/// </summary>
public static class ManifestWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="header">Names, taxonomy, data types and field declarations of the delivery.</param>
    /// <param name="files">Each file's path (in the delivery's folder), format, and what it cannot say itself.</param>
    public static byte[] Write(DeliveryHeader header, IEnumerable<ManifestFile> files)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(files);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("format", ManifestParser.FormatName);
            CanonicalWriter.WriteHeaderProperties(writer, header);
            if (header.Fields.Count > 0)
            {
                WriteFields(writer, header.Fields);
            }

            writer.WriteStartArray("files");
            foreach (var file in files)
            {
                WriteFile(writer, file);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyDictionary<string, FieldDeclaration> fields)
    {
        writer.WriteStartObject("fields");
        foreach (var (name, declaration) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(name);
            writer.WriteString("level", declaration.Level switch
            {
                Agreement.MeasurementLevel.Ordinal => "ordinal",
                Agreement.MeasurementLevel.Interval => "interval",
                Agreement.MeasurementLevel.Ratio => "ratio",
                _ => "nominal",
            });
            if (declaration.Values is { } values)
            {
                writer.WriteStartArray("values");
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter writer, ManifestFile file)
    {
        writer.WriteStartObject();
        writer.WriteString("path", file.Path);
        if (file.Format is { } format)
        {
            writer.WriteString("format", format);
        }

        if (file.Annotator is { } annotator)
        {
            writer.WriteString("annotator", annotator);
        }

        if (file.Role is { } role)
        {
            writer.WriteString("role", role switch { AnnotatorRole.Gold => "gold", AnnotatorRole.Reviewer => "reviewer", _ => "annotator" });
        }

        if (file.TagField is { } field)
        {
            writer.WriteString("field", field);
        }

        writer.WriteEndObject();
    }
}
