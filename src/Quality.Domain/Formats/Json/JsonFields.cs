using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Formats.Json;

/// <summary>
/// Typed reads of one parsed array element's fields. Every problem is a <see cref="DeliveryFormatException"/> that
/// names the file, the element's line, the field path (<c>annotations[2].result[0].value.width</c>) and, in the
/// problem text, the element and its byte offset, because in minified JSON the line says nothing.
/// </summary>
internal sealed class JsonFields
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = JsonStreamSplitter.MaxDepth };

    private readonly string _file;
    private JsonArrayElement _element;
    private string? _context;
    private readonly Func<long, string?, (string What, string? FieldPrefix)>? _name;
    private string? _what;
    private string? _fieldPrefix;
    private string? _id;

    /// <param name="what">The element as a user names it: "task 3", "annotation 17".</param>
    /// <param name="fieldPrefix">The element's own path where field paths start from it, e.g. <c>annotations[2]</c>.</param>
    public JsonFields(string file, JsonArrayElement element, string what, string? fieldPrefix = null)
    {
        _file = file;
        _element = element;
        _what = what;
        _fieldPrefix = fieldPrefix;
    }

    /// <summary>
    /// Names the element only when an error needs it, so that a valid record costs no text: <paramref name="name"/>
    /// (a static lambda) gives what and field prefix from the element's index and <paramref name="context"/>.
    /// </summary>
    public JsonFields(string file, JsonArrayElement element, string? context, Func<long, string?, (string What, string? FieldPrefix)> name)
    {
        _file = file;
        _element = element;
        _context = context;
        _name = name;
    }

    /// <summary>Fields that a reader moves from element to element (<see cref="MoveTo"/>), naming each on demand as above.</summary>
    public JsonFields(string file, Func<long, string?, (string What, string? FieldPrefix)> name)
        : this(file, default, null, name)
    {
    }

    /// <summary>
    /// Points these fields at the next element read, so that a reader of many small records makes them once: what
    /// was known of the last element (its name, its id) is forgotten. Only for fields that name their element on demand.
    /// </summary>
    public void MoveTo(JsonArrayElement element, string? context)
    {
        if (_name is null)
        {
            throw new InvalidOperationException("These fields were given their element's name; make new ones for the next element.");
        }

        (_element, _context) = (element, context);
        (_what, _fieldPrefix, _id) = (null, null, null);
    }

    /// <summary>How errors name the element, e.g. <c>task 3 (id 17) at byte 51234</c>.</summary>
    public string Position => _id is null ? $"{What} at byte {_element.ByteOffset}" : $"{What} (id {_id}) at byte {_element.ByteOffset}";

    public long Line => _element.Line;

    private string What => _what ??= Named().What;

    private string? FieldPrefix => _name is null ? _fieldPrefix : _fieldPrefix ??= Named().FieldPrefix;

    private (string What, string? FieldPrefix) Named() => _name!(_element.Index, _context);

    /// <summary>Parses the element; the document must be disposed before the splitter reads on.</summary>
    public JsonDocument Parse()
    {
        try
        {
            return JsonDocument.Parse(_element.Utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Error(null, $"invalid JSON: {ex.Message}");
        }
    }

    /// <summary>Adds what identifies the element once it is known: "task 3" becomes "task 3 (id 17)".</summary>
    public void Identify(string id) => _id = id;

    public DeliveryFormatException Error(string? path, string problem) =>
        new(_file, _element.Line, FieldPath(path), $"{Position}: {problem}");

    private string? FieldPath(string? path) => (FieldPrefix, path) switch
    {
        (null, _) => path,
        (var prefix, null) => prefix,
        (var prefix, _) => $"{prefix}.{path}",
    };

    /// <summary>A property that is present and not null.</summary>
    public static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        value = default;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public JsonElement Required(JsonElement parent, string name, string path) =>
        TryGet(parent, name, out var value) ? value : throw Error(path, "missing");

    public JsonElement Object(JsonElement value, string? path) =>
        value.ValueKind == JsonValueKind.Object ? value : throw Error(path, $"{Describe(value)} is not an object");

    /// <summary>The items of an array with their paths.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Items(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, $"{Describe(value)} is not an array");
        }

        return value.EnumerateArray().Select((item, index) => (item, $"{path}[{index}]"));
    }

    public double Number(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Error(path, $"{Describe(value)} is not a finite number");

    public double NonNegative(JsonElement value, string path) =>
        Number(value, path) is var number && number >= 0 ? number : throw Error(path, $"{Describe(value)} is negative");

    public double Positive(JsonElement value, string path) =>
        Number(value, path) is var number && number > 0 ? number : throw Error(path, $"{Describe(value)} is not positive");

    /// <summary>Exactly <paramref name="count"/> finite numbers, e.g. a bbox or a quaternion.</summary>
    public double[] Numbers(JsonElement value, string path, int count)
    {
        var numbers = Items(value, path).Select(item => Number(item.Item, item.Path)).ToArray();
        return numbers.Length == count ? numbers : throw Error(path, $"has {numbers.Length} numbers; expected {count}");
    }

    /// <summary>A string that is a valid id or label (1 to 256 characters, no control characters).</summary>
    public string Text(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Error(path, $"{Describe(value)} is not a string");
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Error(path, "is not valid UTF-8");
        }

        return CanonicalFormat.IsValidId(text)
            ? text
            : throw Error(path, $"must be 1 to {CanonicalFormat.MaxIdLength} characters without control characters");
    }

    /// <summary>An id written as a string or as an integer (exports use both), as text.</summary>
    public string Id(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => Text(value, path),
        JsonValueKind.Number when value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => throw Error(path, $"{Describe(value)} is not a string or an integer id"),
    };

    /// <summary>An optional flag: true, or a number 1 (COCO's <c>iscrowd</c>); absent, null, false or 0 is false.</summary>
    public bool Flag(JsonElement parent, string name, string path)
    {
        if (!TryGet(parent, name, out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt64(out var number) && number is 0 or 1 => number == 1,
            _ => throw Error(path, $"{Describe(value)} is not a boolean"),
        };
    }

    /// <summary>A number as an attribute value: shortest round-trip text, culture-invariant.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The value's JSON text, shortened, for an error message; never throws on invalid UTF-8.</summary>
    private static string Describe(JsonElement value) => Describe(JsonMarshal.GetRawUtf8Value(value));

    /// <summary>A value's raw JSON text (strings with their quotes), shortened, for an error message; never throws on invalid UTF-8.</summary>
    public static string Describe(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        return text.Length <= 40 ? text : text[..37] + "...";
    }
}
