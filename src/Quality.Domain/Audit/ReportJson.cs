using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Quality.Domain.Audit;

/// <summary>
/// The one JSON form of the views every interface shows (camelCase, nulls written: an undefined statistic is an
/// explicit null), so the API's stored report and <c>quality audit --json</c> are the same document.
/// </summary>
/// <remarks>
/// How numbers, dates and text are written is <see cref="ApplyConventions"/>, which the HTTP API's own options apply
/// too (docs/api.md, "Numbers, dates and undefined values").
/// </remarks>
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

    /// <summary>
    /// How every JSON answer writes text, numbers and dates, for options another layer owns (the HTTP API's):
    /// <list type="bullet">
    /// <item>Text as it is: "Fußgänger", "行人" and "Krippendorff's alpha" are not written as \u escapes. The relaxed
    /// encoder still escapes what JSON itself needs (quotes, backslash, control characters) but not HTML-sensitive
    /// characters (&lt;, &gt;, &amp;, ', +): these documents are served as application/json and written to files, never
    /// into an HTML page by this app, and escaping ' and + would make statistic names and statements unreadable. A
    /// page that embeds them in a script block must encode them itself.</item>
    /// <item>Dates as ISO 8601 in UTC with a Z (<see cref="UtcDateTimeOffsetJsonConverter"/>).</item>
    /// <item>Numbers at full precision (the shortest form that reads back to the same double), never rounded. NaN and
    /// ±∞ are not written: the number handling stays strict, so a view that would carry one fails loudly instead of
    /// writing "NaN" — views map undefined figures to null with the reason beside them.</item>
    /// </list>
    /// </summary>
    public static void ApplyConventions(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NumberHandling &= ~JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new UtcDateTimeOffsetJsonConverter());
    }

    /// <summary>
    /// Options that write as <see cref="SerializerOptions"/> do, but describe types only by <paramref name="resolver"/>
    /// (and this assembly's compile-time description of the report views), never by reflection: what a natively compiled
    /// command needs, where reflection over types is not available (docs/performance.md, native command line).
    /// </summary>
    public static JsonSerializerOptions DescribedBy(IJsonTypeInfoResolver resolver, bool indented) =>
        Options(indented, JsonTypeInfoResolver.Combine(resolver, ReportViewsJson.Default));

    private static JsonSerializerOptions Options(bool indented) =>
        // Indented (model evaluations as stored, and the phase benchmarks' JSON step, which stands for what the command
        // line prints through the CLI's own PrintedJson): the views described at compile time instead of by reflection at
        // start (docs/performance.md, Alpha, seventh round). The compact options (stored reports, the API's OpenAPI
        // contract) keep reflection's description.
        Options(indented, indented ? JsonTypeInfoResolver.Combine(ReportViewsJson.Default, new DefaultJsonTypeInfoResolver()) : null);

    private static JsonSerializerOptions Options(bool indented, IJsonTypeInfoResolver? resolver)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        if (resolver is not null)
        {
            options.TypeInfoResolver = resolver;
        }

        ApplyConventions(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
