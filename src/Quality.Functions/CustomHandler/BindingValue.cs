using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Quality.Functions.CustomHandler;

/// <summary>
/// Reads binding values the way the host really sends them: the host passes strings through
/// <c>JsonConvert.SerializeObject</c>, so a queue message may arrive JSON-quoted once or twice, and byte arrays
/// arrive base64-encoded (reference/azure-platform.md §1.3). One tolerant decoder, used for every value.
/// </summary>
internal static class BindingValue
{
    /// <summary>The value as text: objects as their JSON, strings with any extra JSON quoting (or base64 of JSON) removed.</summary>
    public static string ReadText(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        var text = value.GetString() ?? "";
        for (var unquote = 0; unquote < 2 && text.Length >= 2 && text[0] == '"' && text[^1] == '"'; unquote++)
        {
            text = JsonSerializer.Deserialize<string>(text) ?? "";
        }

        return LooksLikeJson(text) ? text : TryBase64Json(text) ?? text;
    }

    /// <summary>A number that may arrive as a number, a string, or a JSON-quoted string (e.g. DequeueCount).</summary>
    public static long? ReadInt64(IReadOnlyDictionary<string, JsonElement> metadata, string key)
    {
        var entry = metadata.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase));
        if (entry.Key is null)
        {
            return null;
        }

        if (entry.Value.ValueKind == JsonValueKind.Number && entry.Value.TryGetInt64(out var number))
        {
            return number;
        }

        return long.TryParse(ReadText(entry.Value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static bool LooksLikeJson(string text) => text.TrimStart() is { Length: > 0 } t && t[0] is '{' or '[';

    private static string? TryBase64Json(string text)
    {
        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var written))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(bytes, 0, written);
        return LooksLikeJson(decoded) ? decoded : null;
    }
}
