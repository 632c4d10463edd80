using System.Globalization;
using System.Text.Json;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>
/// One box record's UTF-8 text (a slice of the splitter's pooled buffer) with what <see cref="NuScenesBoxScan"/> found in
/// it: a value the scan read is taken as read; any other is read here from its raw text, so that every error is the one
/// <see cref="JsonFields"/> gives for a parsed element, word for word (file, line, byte, field path, the value's text).
/// No document is built.
/// </summary>
internal readonly ref struct NuScenesRecord(ReadOnlySpan<byte> json, NuScenesBoxScan scan)
{
    private readonly ReadOnlySpan<byte> _json = json;

    public bool Has(NuScenesField field) => scan.Has(field);

    /// <summary>The value's raw JSON text; empty when absent.</summary>
    public ReadOnlySpan<byte> Raw(NuScenesField field) => scan.Raw(_json, field);

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

    /// <summary>The field's text as the scan read it; null when it did not (<see cref="NuScenesBoxScan.Text"/>).</summary>
    public string? ScannedText(NuScenesField field) => scan.Text(field);

    private ReadOnlySpan<byte> Required(JsonFields fields, NuScenesField field, string path) =>
        Has(field) ? Raw(field) : throw fields.Error(path, "missing");

    /// <summary>A present field's finite number (<see cref="Number(JsonFields, ReadOnlySpan{byte}, string)"/>).</summary>
    public double Number(JsonFields fields, NuScenesField field, string path) =>
        scan.Numbers(field) is [var number] ? number : Number(fields, Raw(field), path);

    /// <summary>
    /// A required field's <c>into.Length</c> finite numbers (<see cref="Numbers(JsonFields, ReadOnlySpan{byte}, string, Span{double})"/>),
    /// or its "missing" error.
    /// </summary>
    public void Numbers(JsonFields fields, NuScenesField field, string path, Span<double> into)
    {
        if (scan.Numbers(field) is { IsEmpty: false } read)
        {
            read.CopyTo(into);
        }
        else
        {
            Numbers(fields, Required(fields, field, path), path, into);
        }
    }

    /// <summary>A present field's valid text (<see cref="Text(JsonFields, ReadOnlySpan{byte}, string, NuScenesTexts?)"/>).</summary>
    public string Text(JsonFields fields, NuScenesField field, string path, NuScenesTexts texts) =>
        scan.Text(field) ?? Text(fields, Raw(field), path, texts);

    /// <summary>A present field's id (<see cref="Id(JsonFields, ReadOnlySpan{byte}, string, NuScenesTexts?)"/>).</summary>
    public string Id(JsonFields fields, NuScenesField field, string path, NuScenesTexts? texts = null) =>
        scan.Text(field) ?? Id(fields, Raw(field), path, texts);

    /// <summary>A present field's count (<see cref="Count(JsonFields, ReadOnlySpan{byte}, string, NuScenesTexts)"/>).</summary>
    public string Count(JsonFields fields, NuScenesField field, string path, NuScenesTexts texts) =>
        scan.Text(field) ?? Count(fields, Raw(field), path, texts);

    // The values the scan did not read, read from their raw text: the unusual ones, and every error.

    /// <summary>A finite number (<see cref="JsonFields.Number"/>).</summary>
    private static double Number(JsonFields fields, ReadOnlySpan<byte> raw, string path) =>
        TryFinite(raw, out var number) ? number : throw fields.Error(path, $"{JsonFields.Describe(raw)} is not a finite number");

    private static bool TryFinite(ReadOnlySpan<byte> raw, out double number)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        number = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out number) && double.IsFinite(number);
    }

    /// <summary>A finite number ≥ 0 (<see cref="JsonFields.NonNegative"/>).</summary>
    private static double NonNegative(JsonFields fields, ReadOnlySpan<byte> raw, string path) =>
        Number(fields, raw, path) is var number && number >= 0 ? number : throw fields.Error(path, $"{JsonFields.Describe(raw)} is negative");

    /// <summary>Exactly <c>into.Length</c> finite numbers, e.g. a translation or a quaternion (<see cref="JsonFields.Numbers"/>).</summary>
    private static void Numbers(JsonFields fields, ReadOnlySpan<byte> raw, string path, Span<double> into)
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
    private static string Text(JsonFields fields, ReadOnlySpan<byte> raw, string path, NuScenesTexts? texts) =>
        Text(fields, raw, path, -1, texts);

    /// <summary>An array's item as <see cref="Text(JsonFields, ReadOnlySpan{byte}, string, NuScenesTexts?)"/>.</summary>
    /// <param name="index">The item's index in the array at <paramref name="path"/>, formatted into the path only for an error; −1: the field itself.</param>
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
    private static string Count(JsonFields fields, ReadOnlySpan<byte> raw, string path, NuScenesTexts texts) =>
        NuScenesBoxScan.IsCount(raw) ? texts.GetCount(raw) : JsonFields.Format(NonNegative(fields, raw, path));

    /// <summary>An id written as a string or an integer, as text (<see cref="JsonFields.Id"/>).</summary>
    private static string Id(JsonFields fields, ReadOnlySpan<byte> raw, string path, NuScenesTexts? texts)
    {
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => Text(fields, raw, path, -1, texts),
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => throw fields.Error(path, $"{JsonFields.Describe(raw)} is not a string or an integer id"),
        };
    }
}
