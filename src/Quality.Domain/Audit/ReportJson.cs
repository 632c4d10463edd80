using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quality.Domain.Audit;

/// <summary>
/// The one JSON form of the views every interface shows (camelCase, nulls written: an undefined statistic is an
/// explicit null), so the API's stored report and <c>quality audit --json</c> are the same document.
/// </summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Compact = Options(indented: false);
    private static readonly JsonSerializerOptions Indented = Options(indented: true);

    /// <summary>The settings every report is written with (read-only): what the API's description of a report follows.</summary>
    public static JsonSerializerOptions SerializerOptions => Compact;

    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? Indented : Compact);

    /// <summary>Reads a stored report back (its shape as <see cref="Serialize"/> wrote it).</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Compact) ?? throw new JsonException($"The report is empty; expected a {typeof(T).Name}.");

    private static JsonSerializerOptions Options(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
