namespace Quality.Domain.Formats.Json;

/// <summary>An array element together with what it is in its document (e.g. the sample token its array is filed under).</summary>
/// <param name="Context">Reader-specific: what the enclosing structure says about the element, or null.</param>
internal readonly record struct JsonRecord(JsonArrayElement Element, string? Context = null);
