using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Quality.Domain.Audit;
using Quality.Functions.Access;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Quality.Functions.OpenApi;

/// <summary>
/// The API's OpenAPI document as UTF-8 JSON, generated on first use and kept: once per server URL, which is the path the
/// functions are served under (the same for every request).
/// </summary>
internal sealed class ApiDocument(IOptions<HttpJsonOptions> http)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ConcurrentDictionary<string, byte[]> _byServer = new(StringComparer.Ordinal);

    public byte[] Utf8(string serverUrl) => _byServer.GetOrAdd(serverUrl, Generate);

    private byte[] Generate(string serverUrl)
    {
        // The answers' settings from DI, as the app writes them; reports' and request bodies' from where they are used.
        var schemas = new SchemaComponents(http.Value.SerializerOptions, ReportJson.SerializerOptions, JsonSerializerOptions.Web);
        var document = OpenApiGenerator.Generate(HttpFunction.In(typeof(ApiDocument).Assembly), ApiRoutes.ByFunction, schemas, serverUrl);
        return JsonSerializer.SerializeToUtf8Bytes(document, Indented);
    }
}
