using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Formats.Manifest;

/// <summary>
/// Parses <c>manifest.json</c>. Strict like the canonical header, whose rules it shares: the header properties are
/// checked by the same parser; unknown properties, unsafe paths and duplicate files are errors naming the field.
/// </summary>
public static class ManifestParser
{
    public const string FormatName = "serverless-quality.manifest";

    public const string FileName = "manifest.json";

    /// <summary>A manifest lists files; anything larger is not one (and is refused before it is read whole).</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Most files one delivery may list; a delivery of more files is split into several deliveries.</summary>
    public const int MaxFiles = 1000;

    /// <summary>Strict: a property given twice (<c>"path"</c> twice in one entry) is an error, not "the last one wins".</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    /// <param name="defaults">Delivery id, pipeline and vendor taken from the manifest's blob path; the manifest may repeat them but not contradict them.</param>
    /// <param name="fallback">Names for those the manifest leaves out when there is no path to take them from (an offline audit).</param>
    public static DeliveryManifest Parse(
        ReadOnlySpan<byte> json, string file, (string DeliveryId, string Pipeline, string Vendor)? defaults = null,
        (string DeliveryId, string Pipeline, string Vendor)? fallback = null)
    {
        if (json.Length > MaxBytes)
        {
            throw new DeliveryFormatException(file, 0, null, $"is {json.Length} bytes; a manifest may have at most {MaxBytes}");
        }

        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..]; // a byte order mark says nothing but "UTF-8" (Windows editors write one)
        }

        if (FirstInvalidUtf8(json) is { } bad)
        {
            throw new DeliveryFormatException(file, json[..bad].Count((byte)'\n') + 1, null, $"is not valid UTF-8 at byte {bad}; save it as UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new DeliveryFormatException(file, ex.LineNumber is { } line ? line + 1 : 0, null,
                $"invalid JSON at byte {ex.BytePositionInLine ?? 0} of the line: {ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ')}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DeliveryFormatException(file, 1, null, "a manifest is a JSON object");
            }

            var header = ParseHeader(root, file, defaults, fallback);
            var files = ParseFiles(root, file);
            return new DeliveryManifest(header, files);
        }
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or null (JsonDocument would throw InvalidOperationException on it later).</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> json)
    {
        Span<char> chars = stackalloc char[1024];
        var offset = 0;
        while (offset < json.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(json[offset..], chars, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                return offset;
            }

            if (status == System.Buffers.OperationStatus.Done)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether a file starting with <paramref name="head"/> is a manifest (a byte order mark before it is allowed).</summary>
    public static bool Recognises(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        return start.TrimStart(" \t\r\n"u8).StartsWith("{"u8) && start.IndexOf(System.Text.Encoding.UTF8.GetBytes($"\"{FormatName}\"")) >= 0;
    }

    /// <summary>The header properties go through the canonical header's parser, so both formats share their rules.</summary>
    private static DeliveryHeader ParseHeader(
        JsonElement root, string file, (string DeliveryId, string Pipeline, string Vendor)? defaults, (string DeliveryId, string Pipeline, string Vendor)? fallback)
    {
        var format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != FormatName)
        {
            throw new DeliveryFormatException(file, 1, "format", format is null ? $"missing; a manifest says \"format\": \"{FormatName}\"" : $"'{format}' is not '{FormatName}'");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "format":
                        writer.WriteString("format", CanonicalFormat.Name);
                        break;
                    case "files":
                        break;
                    case "deliveryId" or "pipeline" or "vendor" when defaults is { } d:
                        var expected = property.Name switch { "deliveryId" => d.DeliveryId, "pipeline" => d.Pipeline, _ => d.Vendor };
                        if (property.Value.ValueKind != JsonValueKind.String || property.Value.GetString() != expected)
                        {
                            throw new DeliveryFormatException(file, 0, property.Name,
                                $"{property.Value.GetRawText()} contradicts the delivery's path, which says '{expected}'");
                        }

                        break;
                    default:
                        property.WriteTo(writer);
                        break;
                }
            }

            if ((defaults ?? fallback) is { } given)
            {
                foreach (var (name, value) in new[] { ("deliveryId", given.DeliveryId), ("pipeline", given.Pipeline), ("vendor", given.Vendor) })
                {
                    if (defaults is not null || !root.TryGetProperty(name, out _))
                    {
                        writer.WriteString(name, value);
                    }
                }
            }

            writer.WriteEndObject();
        }

        try
        {
            return CanonicalLineParser.ParseHeader(buffer.ToArray(), file);
        }
        catch (DeliveryFormatException ex) when (ex.Field == "format")
        {
            throw new DeliveryFormatException(file, 0, "format", ex.Problem.Replace(CanonicalFormat.Name, FormatName, StringComparison.Ordinal), ex);
        }
        catch (DeliveryFormatException ex)
        {
            // The header parser counts the header as line 1; in a manifest the field is what locates the problem.
            throw new DeliveryFormatException(file, 0, ex.Field, ex.Problem.Replace("header", "manifest", StringComparison.Ordinal), ex);
        }
    }

    private static List<ManifestFile> ParseFiles(JsonElement root, string file)
    {
        if (!root.TryGetProperty("files", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new DeliveryFormatException(file, 0, "files", "missing; a manifest lists its files as an array of {path, format, annotator, role}");
        }

        var count = array.GetArrayLength();
        if (count is 0 or > MaxFiles)
        {
            throw new DeliveryFormatException(file, 0, "files", $"lists {count} files; a delivery has 1 to {MaxFiles}");
        }

        var files = new List<ManifestFile>(count);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var at = $"files[{index}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new DeliveryFormatException(file, 0, at, "must be an object with path and optional format, annotator, role");
            }

            string? path = null, format = null, annotator = null, tagField = null;
            AnnotatorRole? role = null;
            foreach (var property in entry.EnumerateObject())
            {
                var field = $"{at}.{property.Name}";
                var value = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : throw new DeliveryFormatException(file, 0, field, "must be a string");
                switch (property.Name)
                {
                    case "path": path = CheckPath(value, file, field); break;
                    case "format":
                        format = AnnotationFormats.Find(value) is not null ? value
                            : throw new DeliveryFormatException(file, 0, field, $"'{value}' is not one of {string.Join(", ", AnnotationFormats.All.Select(f => f.Name))}");
                        break;
                    case "annotator":
                        annotator = CanonicalFormat.IsValidId(value) ? value
                            : throw new DeliveryFormatException(file, 0, field, $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
                        break;
                    case "field":
                        tagField = CanonicalFormat.IsValidId(value) ? value
                            : throw new DeliveryFormatException(file, 0, field, $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
                        break;
                    case "role":
                        role = value switch
                        {
                            "annotator" => AnnotatorRole.Annotator,
                            "reviewer" => AnnotatorRole.Reviewer,
                            "gold" => AnnotatorRole.Gold,
                            _ => throw new DeliveryFormatException(file, 0, field, $"'{value}' is not one of annotator, reviewer, gold"),
                        };
                        break;
                    default:
                        throw new DeliveryFormatException(file, 0, field, "unknown file property; path, format, annotator, role and field only");
                }
            }

            if (path is null)
            {
                throw new DeliveryFormatException(file, 0, at + ".path", "missing");
            }

            if (!paths.Add(path))
            {
                throw new DeliveryFormatException(file, 0, at + ".path", $"'{path}' is listed twice");
            }

            files.Add(new ManifestFile(index++, path, format, annotator, role, tagField));
        }

        return files;
    }

    /// <summary>A path below the manifest's folder, in segments a blob name and a file system both accept.</summary>
    private static string CheckPath(string path, string file, string field)
    {
        var segments = path.Split('/');
        if (path.Length is 0 or > 1024 || segments.Any(s => s is "" or "." or ".." || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            throw new DeliveryFormatException(file, 0, field,
                $"'{path}' must be a relative path below the manifest's folder: segments of letters, digits, '.', '_' or '-', separated by '/', no '.' or '..'");
        }

        if (string.Equals(segments[^1], FileName, StringComparison.Ordinal))
        {
            throw new DeliveryFormatException(file, 0, field, "a manifest cannot list a manifest");
        }

        return path;
    }
}
