using System.Buffers;
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
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <param name="withSourceLine">Normalised shards keep the line of the delivered file for error messages.</param>
    public static void WriteAnnotation(IBufferWriter<byte> output, Annotation annotation, bool withSourceLine)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(annotation);
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartObject();
            if (annotation.Id is not null)
            {
                writer.WriteString("id", annotation.Id);
            }

            writer.WriteString("item", annotation.Item);
            writer.WriteString("annotator", annotation.Annotator);
            writer.WriteString("role", annotation.Role switch
            {
                AnnotatorRole.Gold => "gold",
                AnnotatorRole.Reviewer => "reviewer",
                _ => "annotator",
            });
            if (annotation.IsTag)
            {
                writer.WriteString("field", annotation.Field);
            }

            writer.WriteString("label", annotation.Label);
            WriteGeometry(writer, annotation);
            if (annotation.Image is { } image)
            {
                writer.WriteStartObject("image");
                writer.WriteNumber("width", image.Width);
                writer.WriteNumber("height", image.Height);
                writer.WriteEndObject();
            }
            if (annotation.Attributes is { Count: > 0 } attributes)
            {
                writer.WriteStartObject("attributes");
                foreach (var (name, value) in attributes)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
            }

            if (withSourceLine)
            {
                writer.WriteNumber(CanonicalLineParser.SourceLineProperty, annotation.Line);
                if (annotation.File is not null)
                {
                    writer.WriteString(CanonicalLineParser.SourceFileProperty, annotation.File);
                }
            }

            writer.WriteEndObject();
        }

        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    private static void WriteGeometry(Utf8JsonWriter writer, Annotation annotation)
    {
        if (annotation.Box is { } box)
        {
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "box2d");
            writer.WriteNumber("x", box.X);
            writer.WriteNumber("y", box.Y);
            writer.WriteNumber("width", box.Width);
            writer.WriteNumber("height", box.Height);
            writer.WriteEndObject();
        }
        else if (annotation.Cuboid is { } c)
        {
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "cuboid");
            writer.WriteNumber("x", c.X);
            writer.WriteNumber("y", c.Y);
            writer.WriteNumber("z", c.Z);
            writer.WriteNumber("length", c.Length);
            writer.WriteNumber("width", c.Width);
            writer.WriteNumber("height", c.Height);
            writer.WriteNumber("yaw", c.Yaw);
            writer.WriteEndObject();
        }
    }
}
