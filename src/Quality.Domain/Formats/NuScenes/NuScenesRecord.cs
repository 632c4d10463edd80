using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>The properties of a nuScenes box record that the parser reads, in the order <see cref="Names"/> lists them.</summary>
internal enum NuScenesField
{
    Token,
    SampleToken,
    Translation,
    Size,
    Rotation,
    CategoryName,
    DetectionName,
    AttributeName,
    AttributeNames,
    NumLidarPts,
    NumRadarPts,
    VisibilityToken,
    DetectionScore,
    Velocity,
}

/// <summary>
/// One box record's UTF-8 text (a slice of the splitter's pooled buffer) with where each known property's value lies,
/// found by one pass of a <see cref="Utf8JsonReader"/>: no document is built. Typed reads give the errors
/// <see cref="JsonFields"/> gives for a parsed element, word for word (file, line, byte, field path, the value's text).
/// </summary>
internal readonly ref struct NuScenesRecord
{
    /// <summary>Room for the (start, length) of every field.</summary>
    public const int FieldCount = (int)NuScenesField.Velocity + 1;

    private static readonly byte[][] Names =
    [
        "token"u8.ToArray(), "sample_token"u8.ToArray(), "translation"u8.ToArray(), "size"u8.ToArray(), "rotation"u8.ToArray(),
        "category_name"u8.ToArray(), "detection_name"u8.ToArray(), "attribute_name"u8.ToArray(), "attribute_names"u8.ToArray(),
        "num_lidar_pts"u8.ToArray(), "num_radar_pts"u8.ToArray(), "visibility_token"u8.ToArray(), "detection_score"u8.ToArray(),
        "velocity"u8.ToArray(),
    ];

    private readonly ReadOnlySpan<byte> _json;

    /// <summary>Per field, its value's start and length in <see cref="_json"/>; length 0 when absent or null.</summary>
    private readonly Span<(int Start, int Length)> _values;

    /// <param name="values">Room for one (start, length) per <see cref="NuScenesField"/>, e.g. stack memory.</param>
    public NuScenesRecord(JsonFields fields, ReadOnlySpan<byte> json, Span<(int Start, int Length)> values)
    {
        _json = json;
        _values = values[..FieldCount];
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw fields.Error(null, $"{JsonFields.Describe(json)} is not an object");
        }

        Scan(ref reader, _values);
    }

    /// <summary>A record whose fields <see cref="Scan"/> found as the splitter read it: its text is not read again.</summary>
    /// <param name="values">What <see cref="Scan"/> gave for this record's object.</param>
    public NuScenesRecord(ReadOnlySpan<byte> json, Span<(int Start, int Length)> values)
    {
        _json = json;
        _values = values[..FieldCount];
    }

    /// <summary>
    /// Finds each known property's value in the object whose StartObject <paramref name="reader"/> is on, offsets from
    /// that token, reading to its EndObject; false when the reader's data ends first (<see cref="IJsonElementScanner"/>).
    /// </summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Scan(ref Utf8JsonReader reader, scoped Span<(int Start, int Length)> values)
    {
        var origin = (int)reader.TokenStartIndex;
        values.Clear();
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return true;
            }

            var field = Find(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            var start = (int)reader.TokenStartIndex - origin;
            var isNull = reader.TokenType == JsonTokenType.Null;
            if (!reader.TrySkip())
            {
                return false;
            }

            if (field >= 0)
            {
                // A repeated property: the last one counts, as JsonElement.TryGetProperty finds it; null is absent.
                values[field] = isNull ? default : (start, (int)reader.BytesConsumed - origin - start);
            }
        }
    }

    public bool Has(NuScenesField field) => _values[(int)field].Length > 0;

    /// <summary>The value's raw JSON text; empty when absent.</summary>
    public ReadOnlySpan<byte> Raw(NuScenesField field) => _json.Slice(_values[(int)field].Start, _values[(int)field].Length);

    /// <summary>Whether the field is present and is the JSON string <paramref name="utf8"/>.</summary>
    public bool IsString(NuScenesField field, ReadOnlySpan<byte> utf8)
    {
        if (!Has(field))
        {
            return false;
        }

        var reader = new Utf8JsonReader(Raw(field));
        reader.Read();
        return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(utf8);
    }

    public ReadOnlySpan<byte> Required(JsonFields fields, NuScenesField field, string path) =>
        Has(field) ? Raw(field) : throw fields.Error(path, "missing");

    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Find(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (reader.ValueTextEquals(Names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A finite number (<see cref="JsonFields.Number"/>).</summary>
    public static double Number(JsonFields fields, ReadOnlySpan<byte> raw, string path) =>
        TryFinite(raw, out var number) ? number : throw fields.Error(path, $"{JsonFields.Describe(raw)} is not a finite number");

    private static bool TryFinite(ReadOnlySpan<byte> raw, out double number)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        number = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out number) && double.IsFinite(number);
    }

    /// <summary>A finite number ≥ 0 (<see cref="JsonFields.NonNegative"/>).</summary>
    public static double NonNegative(JsonFields fields, ReadOnlySpan<byte> raw, string path) =>
        Number(fields, raw, path) is var number && number >= 0 ? number : throw fields.Error(path, $"{JsonFields.Describe(raw)} is negative");

    /// <summary>Exactly <c>into.Length</c> finite numbers, e.g. a translation or a quaternion (<see cref="JsonFields.Numbers"/>).</summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Numbers(JsonFields fields, ReadOnlySpan<byte> raw, string path, Span<double> into)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw fields.Error(path, $"{JsonFields.Describe(raw)} is not an array");
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Each number is read where the array's reader stands, as Number reads it alone: a box has ten.
            var number = reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var read) && double.IsFinite(read)
                ? read
                : throw NotFinite(fields, raw, ref reader, path, count);
            if (count < into.Length)
            {
                into[count] = number;
            }

            count++;
        }

        if (count != into.Length)
        {
            throw fields.Error(path, $"has {count} numbers; expected {into.Length}");
        }
    }

    /// <summary>The error of <see cref="Number"/> for the array item the reader is on; its path is formatted only here.</summary>
    private static DeliveryFormatException NotFinite(JsonFields fields, ReadOnlySpan<byte> raw, ref Utf8JsonReader reader, string path, int index)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var item = raw[start..(int)reader.BytesConsumed];
        return fields.Error(ItemPath(path, index), $"{JsonFields.Describe(item)} is not a finite number");
    }

    /// <summary>Longest raw text looked up in <see cref="NuScenesTexts"/> (its characters go on the stack).</summary>
    private const int MaxHeldTextBytes = 512;

    /// <summary>A valid id or label (<see cref="JsonFields.Text"/>), from <paramref name="texts"/> when it holds it.</summary>
    public static string Text(JsonFields fields, ReadOnlySpan<byte> raw, string path, NuScenesTexts? texts = null) =>
        Text(fields, raw, path, -1, texts);

    /// <summary>An array's item as <see cref="Text(JsonFields, ReadOnlySpan{byte}, string, NuScenesTexts?)"/>.</summary>
    /// <param name="index">The item's index in the array at <paramref name="path"/>, formatted into the path only for an error; −1: the field itself.</param>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Text(JsonFields fields, ReadOnlySpan<byte> raw, string path, int index, NuScenesTexts? texts)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw fields.Error(ItemPath(path, index), $"{JsonFields.Describe(raw)} is not a string");
        }

        string? text;
        try
        {
            if (texts is not null && raw.Length <= MaxHeldTextBytes)
            {
                // A string's UTF-16 length never exceeds its raw UTF-8 length.
                Span<char> chars = stackalloc char[raw.Length];
                text = texts.TryGet(chars[..reader.CopyString(chars)], CanonicalFormat.IsValidId, out var held) ? held : null;
            }
            else
            {
                text = reader.GetString()!;
                text = CanonicalFormat.IsValidId(text) ? text : null;
            }
        }
        catch (InvalidOperationException)
        {
            throw fields.Error(ItemPath(path, index), "is not valid UTF-8");
        }

        return text ?? throw fields.Error(ItemPath(path, index), $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
    }

    private static string ItemPath(string path, int index) => index < 0 ? path : $"{path}[{index}]";

    /// <summary>
    /// A count as attribute text (<see cref="JsonFields.Format"/> of <see cref="NonNegative"/>): digits alone, at most
    /// 15 (JSON has no leading zeros, so they are the shortest round-trip text), come from <paramref name="texts"/>.
    /// </summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Count(JsonFields fields, ReadOnlySpan<byte> raw, string path, NuScenesTexts texts)
    {
        if (raw.Length is > 0 and <= 15 && !raw.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            Span<char> chars = stackalloc char[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                chars[i] = (char)raw[i];
            }

            texts.TryGet(chars, static _ => true, out var held);
            return held;
        }

        return JsonFields.Format(NonNegative(fields, raw, path));
    }

    /// <summary>An id written as a string or an integer, as text (<see cref="JsonFields.Id"/>).</summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Id(JsonFields fields, ReadOnlySpan<byte> raw, string path, NuScenesTexts? texts = null)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => Text(fields, raw, path, texts),
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => throw fields.Error(path, $"{JsonFields.Describe(raw)} is not a string or an integer id"),
        };
    }
}
