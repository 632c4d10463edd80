using System.Globalization;
using System.Text.Json;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.JsonLines;
using Quality.Domain.Geometry;

namespace Quality.Domain.Formats.Canonical;

/// <summary>
/// Parses one line of a canonical delivery. Strict: unknown properties, wrong types, non-finite numbers and
/// invalid UTF-8 are errors naming the line and field, because a typo in a vendor's export must not pass silently.
/// </summary>
internal static class CanonicalLineParser
{
    /// <summary>Property that normalised shards add to carry the annotation's line in the delivered file.</summary>
    public const string SourceLineProperty = "sourceLine";

    /// <summary>Property that normalised shards add for an annotation from one file of a multi-file delivery.</summary>
    public const string SourceFileProperty = "sourceFile";

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 8 };

    public static DeliveryHeader ParseHeader(ReadOnlySpan<byte> json, string file)
    {
        string? format = null, deliveryId = null, pipeline = null, vendor = null, taxonomyName = null, taxonomyVersion = null, reviews = null;
        long? version = null;
        List<string>? dataTypes = null;
        Dictionary<string, FieldDeclaration> fields = new(StringComparer.Ordinal);
        Dictionary<string, string> metadata = new(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            ExpectObjectStart(ref reader, file, 1, "the header must be a JSON object");
            while (NextProperty(ref reader, out var name))
            {
                switch (name)
                {
                    case "format": format = ReadString(ref reader, file, 1, name); break;
                    case "version": version = ReadInteger(ref reader, file, 1, name); break;
                    case "deliveryId": deliveryId = ReadString(ref reader, file, 1, name); break;
                    case "pipeline": pipeline = ReadString(ref reader, file, 1, name); break;
                    case "vendor": vendor = ReadString(ref reader, file, 1, name); break;
                    case "taxonomy":
                        (taxonomyName, taxonomyVersion) = ReadTaxonomy(ref reader, file);
                        break;
                    case "dataTypes": dataTypes = ReadStringArray(ref reader, file, 1, name); break;
                    case "fields": fields = ReadFields(ref reader, file); break;
                    case "reviews": reviews = ReadString(ref reader, file, 1, name); break;
                    case "metadata": metadata = ReadMetadata(ref reader, file); break;
                    case "createdAt" or "notes": reader.Skip(); break;
                    default: throw new DeliveryFormatException(file, 1, name, "unknown header property");
                }
            }

            EnsureEnd(ref reader, file, 1);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(file, 1, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw InvalidUtf8(file, 1, ex);
        }

        if (format != CanonicalFormat.Name)
        {
            throw new DeliveryFormatException(file, 1, "format",
                format is null
                    ? $"missing; the first line must be a header with \"format\": \"{CanonicalFormat.Name}\""
                    : $"'{format}' is not '{CanonicalFormat.Name}'");
        }

        if (version != CanonicalFormat.Version)
        {
            throw new DeliveryFormatException(file, 1, "version",
                version is null ? "missing" : $"{version} is not supported; this reader understands version {CanonicalFormat.Version}");
        }

        RequireSafeName(deliveryId, file, "deliveryId");
        RequireSafeName(pipeline, file, "pipeline");
        RequireSafeName(vendor, file, "vendor");
        RequireSafeName(taxonomyName, file, "taxonomy.name");
        if (taxonomyVersion is null || !System.Text.RegularExpressions.Regex.IsMatch(taxonomyVersion, @"^\d+\.\d+\.\d+$"))
        {
            throw new DeliveryFormatException(file, 1, "taxonomy.version",
                taxonomyVersion is null ? "missing" : $"'{taxonomyVersion}' is not major.minor.patch");
        }

        if (dataTypes is null || dataTypes.Count == 0)
        {
            throw new DeliveryFormatException(file, 1, "dataTypes", "missing or empty; declare at least one of "
                + string.Join(", ", CanonicalFormat.DataTypes.Order(StringComparer.Ordinal)));
        }

        foreach (var type in dataTypes.Where(t => !CanonicalFormat.DataTypes.Contains(t)))
        {
            throw new DeliveryFormatException(file, 1, "dataTypes", $"unknown data type '{type}'");
        }

        if (reviews is not null && !(reviews.Length == 32 && reviews.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')))
        {
            throw new DeliveryFormatException(file, 1, "reviews", $"'{reviews}' is not a batch id (32 lowercase hex digits, as GET /api/batches lists them)");
        }

        return new DeliveryHeader(deliveryId!, pipeline!, vendor!,
            new TaxonomyReference(taxonomyName!, taxonomyVersion), dataTypes) { Fields = fields, Reviews = reviews, Metadata = metadata };
    }

    /// <param name="strings">Makes each repeated string once (a reader's own pool); null makes every string anew.</param>
    public static Annotation ParseAnnotation(ReadOnlySpan<byte> json, string file, long line, bool normalised = false, Utf8StringPool? strings = null)
    {
        string? id = null, item = null, annotator = null, field = null, label = null;
        var role = AnnotatorRole.Annotator;
        var sourceLine = line;
        string? sourceFile = null;
        ImageSize? image = null;
        Box2D? box = null;
        Cuboid? cuboid = null;
        Dictionary<string, string>? attributes = null;
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            ExpectObjectStart(ref reader, file, line, "an annotation must be a JSON object");
            while (NextProperty(ref reader, out var name, strings))
            {
                switch (name)
                {
                    case "id": id = ReadString(ref reader, file, line, name, strings); break;
                    case "item": item = ReadString(ref reader, file, line, name, strings); break;
                    case "annotator": annotator = ReadString(ref reader, file, line, name, strings); break;
                    case "role": role = ParseRole(ReadString(ref reader, file, line, name, strings), file, line); break;
                    case "field": field = ReadString(ref reader, file, line, name, strings); break;
                    case "label": label = ReadString(ref reader, file, line, name, strings); break;
                    case "geometry": (box, cuboid) = ReadGeometry(ref reader, file, line, strings); break;
                    case "attributes": attributes = ReadAttributes(ref reader, file, line, strings); break;
                    case "image": image = ReadImage(ref reader, file, line, strings); break;
                    case SourceLineProperty when normalised: sourceLine = ReadInteger(ref reader, file, line, name); break;
                    case SourceFileProperty when normalised: sourceFile = ReadString(ref reader, file, line, name, strings); break;
                    default: throw new DeliveryFormatException(file, line, name, "unknown annotation property");
                }
            }

            EnsureEnd(ref reader, file, line);
        }
        catch (JsonException ex)
        {
            throw InvalidJson(file, line, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw InvalidUtf8(file, line, ex);
        }

        RequireId(item, file, line, "item");
        RequireId(annotator, file, line, "annotator");
        RequireId(label, file, line, "label");
        if (field is not null && !CanonicalFormat.IsValidId(field))
        {
            throw new DeliveryFormatException(file, line, "field", "must be 1 to 256 characters without control characters");
        }

        if (image is not null && box is null)
        {
            throw new DeliveryFormatException(file, line, "image", "describes the image a 2D box was drawn on; this line has no box2d geometry");
        }

        if (field is not null && (box is not null || cuboid is not null))
        {
            throw new DeliveryFormatException(file, line, "field", "objects carry their class in 'label'; 'field' is for frame tags only");
        }

        return new Annotation(item!, annotator!, role, field ?? Annotation.DefaultField, label!, sourceLine)
        {
            Id = id,
            Box = box,
            Cuboid = cuboid,
            Attributes = attributes,
            Image = image,
            File = sourceFile,
        };
    }

    /// <summary><c>"image": {"width": 1920, "height": 1080}</c>: both positive and finite.</summary>
    private static ImageSize ReadImage(ref Utf8JsonReader reader, string file, long line, Utf8StringPool? strings)
    {
        ExpectObjectStart(ref reader, file, line, "'image' must be an object with width and height", "image");
        double? width = null, height = null;
        while (NextProperty(ref reader, out var name, strings))
        {
            switch (name)
            {
                case "width": width = ReadFinite(ref reader, file, line, "image.width"); break;
                case "height": height = ReadFinite(ref reader, file, line, "image.height"); break;
                default: throw new DeliveryFormatException(file, line, "image." + name, "unknown image property; width and height only");
            }
        }

        return new ImageSize(Positive(width, "image.width"), Positive(height, "image.height"));

        double Positive(double? value, string name) => value is > 0
            ? value.Value
            : throw new DeliveryFormatException(file, line, name, value is null ? "missing" : string.Create(CultureInfo.InvariantCulture, $"{value} is not positive"));
    }

    private static AnnotatorRole ParseRole(string value, string file, long line) => value switch
    {
        "annotator" => AnnotatorRole.Annotator,
        "reviewer" => AnnotatorRole.Reviewer,
        "gold" => AnnotatorRole.Gold,
        _ => throw new DeliveryFormatException(file, line, "role", $"'{value}' is not one of annotator, reviewer, gold"),
    };

    /// <remarks>
    /// The numbers are collected first, whatever the type: a wrong type is named before a missing size, and a property
    /// the type does not have only after its own properties are complete (the first one seen is named).
    /// </remarks>
    private static (Box2D?, Cuboid?) ReadGeometry(ref Utf8JsonReader reader, string file, long line, Utf8StringPool? strings)
    {
        ExpectObjectStart(ref reader, file, line, "'geometry' must be an object", "geometry");
        string? type = null;
        var values = new GeometryValues();
        while (NextProperty(ref reader, out var name, strings))
        {
            if (name == "type")
            {
                type = ReadString(ref reader, file, line, "geometry.type", strings);
            }
            else
            {
                values.Set(name, ReadFinite(ref reader, file, line, "geometry.", name));
            }
        }

        (Box2D?, Cuboid?) geometry = type switch
        {
            "box2d" => (new Box2D(Take(ref values, "x"), Take(ref values, "y"), TakeSize(ref values, "width"), TakeSize(ref values, "height")), null),
            "cuboid" => (null, new Cuboid(Take(ref values, "x"), Take(ref values, "y"), Take(ref values, "z"),
                TakeSize(ref values, "length"), TakeSize(ref values, "width"), TakeSize(ref values, "height"), Take(ref values, "yaw"))),
            null => throw new DeliveryFormatException(file, line, "geometry.type", "missing; one of box2d, cuboid"),
            _ => throw new DeliveryFormatException(file, line, "geometry.type", $"'{type}' is not one of box2d, cuboid"),
        };
        if (values.FirstLeft() is { } unknown)
        {
            throw new DeliveryFormatException(file, line, "geometry." + unknown, $"not a property of a {type}");
        }

        return geometry;

        double Take(ref GeometryValues v, string key) => v.Take(key, out var value)
            ? value
            : throw new DeliveryFormatException(file, line, "geometry." + key, $"missing for a {type}");

        double TakeSize(ref GeometryValues v, string key)
        {
            var size = Take(ref v, key);
            return size >= 0 ? size : throw new DeliveryFormatException(file, line, "geometry." + key, string.Create(CultureInfo.InvariantCulture, $"{size} is negative"));
        }
    }

    /// <summary>
    /// A geometry's numbers by name without a dictionary per line: the known names in fixed places, others in a list;
    /// each remembers when it was first seen (a repeated name keeps its place and takes the last value).
    /// </summary>
    private struct GeometryValues
    {
        private static readonly string[] Known = ["x", "y", "z", "length", "width", "height", "yaw"];

        /// <summary>The place of a known name in <see cref="Known"/>, or -1.</summary>
        private static int IndexOf(string name) => name switch
        {
            "x" => 0,
            "y" => 1,
            "z" => 2,
            "length" => 3,
            "width" => 4,
            "height" => 5,
            "yaw" => 6,
            _ => -1,
        };

        private KnownSlots<double> _values;
        private KnownSlots<int> _seen;
        private int _count;
        private List<(int Seen, string Name)>? _unknown;

        public void Set(string name, double value)
        {
            var k = IndexOf(name);
            if (k >= 0)
            {
                _values[k] = value;
                _seen[k] = _seen[k] == 0 ? ++_count : _seen[k];
            }
            else if (_unknown is null || !_unknown.Exists(u => u.Name == name))
            {
                (_unknown ??= []).Add((++_count, name));
            }
        }

        /// <summary>Removes a known name's value; false when it was not given.</summary>
        public bool Take(string name, out double value)
        {
            var k = IndexOf(name);
            value = _values[k];
            var given = _seen[k] != 0;
            _seen[k] = 0;
            return given;
        }

        /// <summary>The first-seen name not taken, or null.</summary>
        public readonly string? FirstLeft()
        {
            var (first, name) = _unknown is { Count: > 0 } unknown ? unknown[0] : (int.MaxValue, null);
            for (var k = 0; k < Known.Length; k++)
            {
                if (_seen[k] != 0 && _seen[k] < first)
                {
                    (first, name) = (_seen[k], Known[k]);
                }
            }

            return name;
        }

        [System.Runtime.CompilerServices.InlineArray(7)]
        private struct KnownSlots<T>
        {
            private T _element;
        }
    }

    private static Dictionary<string, string> ReadAttributes(ref Utf8JsonReader reader, string file, long line, Utf8StringPool? strings)
    {
        ExpectObjectStart(ref reader, file, line, "'attributes' must be an object", "attributes");
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, out var name, strings))
        {
            reader.Read();
            attributes[name] = reader.TokenType switch
            {
                JsonTokenType.String => Text(ref reader, strings),
                JsonTokenType.Number => NumberText(ref reader, strings),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => throw new DeliveryFormatException(file, line, "attributes." + name, "must be a string, number or boolean"),
            };
        }

        return attributes;
    }

    /// <summary>
    /// An attribute's number as text: its shortest round-trip form (<c>"R"</c>), which for a whole number of up to
    /// nine digits (JSON has no leading zeros) is the token itself, so the common levels and counts skip the double.
    /// </summary>
    private static string NumberText(ref Utf8JsonReader reader, Utf8StringPool? strings)
    {
        var token = reader.HasValueSequence ? default : reader.ValueSpan;
        if (token.Length is > 0 and <= 9 && !token.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return strings?.GetAscii(token) ?? System.Text.Encoding.ASCII.GetString(token);
        }

        return JsonNumberParser.GetDouble(ref reader).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rejects anything after the line's one JSON value (the reader throws on a second value).</summary>
    private static void EnsureEnd(ref Utf8JsonReader reader, string file, long line)
    {
        if (reader.Read())
        {
            throw new DeliveryFormatException(file, line, null, "unexpected content after the JSON object");
        }
    }

    private static void ExpectObjectStart(ref Utf8JsonReader reader, string file, long line, string problem, string? field = null)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new DeliveryFormatException(file, line, field, problem);
        }
    }

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, out string name, Utf8StringPool? strings = null)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }

        name = (reader.ValueIsEscaped ? null : KnownName(reader.ValueSpan)) ?? Text(ref reader, strings);
        return true;
    }

    /// <summary>The property names of annotation lines, made once: matched by their bytes, most names on a line are.</summary>
    private static string? KnownName(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch { (byte)'x' => "x", (byte)'y' => "y", (byte)'z' => "z", _ => null },
        2 => name.SequenceEqual("id"u8) ? "id" : null,
        3 => name.SequenceEqual("yaw"u8) ? "yaw" : null,
        4 => name.SequenceEqual("item"u8) ? "item" : name.SequenceEqual("type"u8) ? "type" : name.SequenceEqual("role"u8) ? "role" : null,
        5 => name.SequenceEqual("label"u8) ? "label" : name.SequenceEqual("width"u8) ? "width"
            : name.SequenceEqual("field"u8) ? "field" : name.SequenceEqual("image"u8) ? "image" : null,
        6 => name.SequenceEqual("height"u8) ? "height" : name.SequenceEqual("length"u8) ? "length" : null,
        8 => name.SequenceEqual("geometry"u8) ? "geometry" : null,
        9 => name.SequenceEqual("annotator"u8) ? "annotator" : null,
        10 => name.SequenceEqual("attributes"u8) ? "attributes"
            : name.SequenceEqual("sourceLine"u8) ? SourceLineProperty : name.SequenceEqual("sourceFile"u8) ? SourceFileProperty : null,
        _ => null,
    };

    private static string ReadString(ref Utf8JsonReader reader, string file, long line, string field, Utf8StringPool? strings = null)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String
            ? Text(ref reader, strings)
            : throw new DeliveryFormatException(file, line, field, $"must be a string, not {Describe(reader.TokenType)}");
    }

    private static string Text(ref Utf8JsonReader reader, Utf8StringPool? strings) =>
        strings is null ? reader.GetString()! : strings.GetString(ref reader);

    private static long ReadInteger(ref Utf8JsonReader reader, string file, long line, string field)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw new DeliveryFormatException(file, line, field, $"must be an integer, not {Describe(reader.TokenType)}");
    }

    /// <param name="field">The field errors name: <paramref name="prefix"/> and <paramref name="name"/>, joined only for an error.</param>
    private static double ReadFinite(ref Utf8JsonReader reader, string file, long line, string prefix, string name = "")
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new DeliveryFormatException(file, line, prefix + name, $"must be a number, not {Describe(reader.TokenType)}");
        }

        var value = JsonNumberParser.GetDouble(ref reader);
        return double.IsFinite(value) ? value : throw new DeliveryFormatException(file, line, prefix + name, "must be finite");
    }

    private static List<string> ReadStringArray(ref Utf8JsonReader reader, string file, long line, string field)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new DeliveryFormatException(file, line, field, $"must be an array of strings, not {Describe(reader.TokenType)}");
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new DeliveryFormatException(file, line, field, "must contain strings only"));
        }

        return values;
    }

    /// <summary><c>"fields": {"occlusion": {"level": "ordinal", "values": ["none", "partly", "full"]}}</c>.</summary>
    /// <summary>The header's <c>metadata</c>: an object of string values under safe names (<see cref="CanonicalFormat.CheckMetadata"/>).</summary>
    private static Dictionary<string, string> ReadMetadata(ref Utf8JsonReader reader, string file)
    {
        ExpectObjectStart(ref reader, file, 1, "'metadata' must be an object of string values, e.g. {\"site\": \"sofia\", \"toolVersion\": \"4.2.1\"}", "metadata");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, out var name))
        {
            var path = "metadata." + name;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new DeliveryFormatException(file, 1, path, "must be a string (write numbers and versions in quotes)");
            }

            metadata[name] = reader.GetString()!;
            if (CanonicalFormat.CheckMetadata(name, metadata[name], metadata.Count) is { } problem)
            {
                throw new DeliveryFormatException(file, 1, path, problem);
            }
        }

        return metadata;
    }

    private static Dictionary<string, FieldDeclaration> ReadFields(ref Utf8JsonReader reader, string file)
    {
        ExpectObjectStart(ref reader, file, 1, "'fields' must be an object of field declarations", "fields");
        var fields = new Dictionary<string, FieldDeclaration>(StringComparer.Ordinal);
        while (NextProperty(ref reader, out var field))
        {
            var path = "fields." + field;
            ExpectObjectStart(ref reader, file, 1, "a field declaration must be an object with 'level' and optional 'values'", path);
            MeasurementLevel? level = null;
            List<string>? values = null;
            while (NextProperty(ref reader, out var property))
            {
                switch (property)
                {
                    case "level":
                        var name = ReadString(ref reader, file, 1, path + ".level");
                        level = name switch
                        {
                            "nominal" => MeasurementLevel.Nominal,
                            "ordinal" => MeasurementLevel.Ordinal,
                            "interval" => MeasurementLevel.Interval,
                            "ratio" => MeasurementLevel.Ratio,
                            _ => throw new DeliveryFormatException(file, 1, path + ".level", $"'{name}' is not one of nominal, ordinal, interval, ratio"),
                        };
                        break;
                    case "values": values = ReadStringArray(ref reader, file, 1, path + ".values"); break;
                    default: throw new DeliveryFormatException(file, 1, path + "." + property, "unknown field declaration property");
                }
            }

            if (level is null)
            {
                throw new DeliveryFormatException(file, 1, path + ".level", "missing; one of nominal, ordinal, interval, ratio");
            }

            if (values is not null && (values.Count == 0 || values.Distinct(StringComparer.Ordinal).Count() != values.Count))
            {
                throw new DeliveryFormatException(file, 1, path + ".values", "must list each value once, at least one");
            }

            if (values is not null && level is MeasurementLevel.Interval or MeasurementLevel.Ratio)
            {
                throw new DeliveryFormatException(file, 1, path + ".values", "lists values for nominal and ordinal fields only; interval and ratio values are numbers");
            }

            fields[field] = new FieldDeclaration(level.Value, values);
        }

        return fields;
    }

    private static (string?, string?) ReadTaxonomy(ref Utf8JsonReader reader, string file)
    {
        ExpectObjectStart(ref reader, file, 1, "'taxonomy' must be an object with name and version", "taxonomy");
        string? name = null, version = null;
        while (NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "name": name = ReadString(ref reader, file, 1, "taxonomy.name"); break;
                case "version": version = ReadString(ref reader, file, 1, "taxonomy.version"); break;
                default: throw new DeliveryFormatException(file, 1, "taxonomy." + property, "unknown taxonomy property");
            }
        }

        return (name, version);
    }

    private static void RequireSafeName(string? value, string file, string field)
    {
        if (value is null)
        {
            throw new DeliveryFormatException(file, 1, field, "missing");
        }

        if (!CanonicalFormat.IsSafeName(value))
        {
            throw new DeliveryFormatException(file, 1, field,
                $"'{value}' must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static void RequireId(string? value, string file, long line, string field)
    {
        if (value is null)
        {
            throw new DeliveryFormatException(file, line, field, "missing");
        }

        if (!CanonicalFormat.IsValidId(value))
        {
            throw new DeliveryFormatException(file, line, field,
                $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
        }
    }

    private static DeliveryFormatException InvalidJson(string file, long line, JsonException ex) =>
        new(file, line, null, $"invalid JSON at byte {ex.BytePositionInLine ?? 0} of the line: {FirstSentence(ex.Message)}", ex);

    /// <summary>Utf8JsonReader checks UTF-8 only when a string is decoded, and then throws InvalidOperationException.</summary>
    private static DeliveryFormatException InvalidUtf8(string file, long line, InvalidOperationException ex) =>
        new(file, line, null, "a string is not valid UTF-8; save the file as UTF-8", ex);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
