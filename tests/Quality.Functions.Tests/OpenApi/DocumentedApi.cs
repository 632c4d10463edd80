using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Quality.Functions.Tests.OpenApi;

/// <summary>
/// Calls the API and holds every answer to the OpenAPI document it serves: the status is one the operation states, the
/// media type one that status states, and the body valid against that schema, where every object of a named schema has
/// no property the schema does not name (problems stay open: RFC 9457 allows extension members).
/// </summary>
internal sealed class DocumentedApi(HttpClient client, JsonObject document)
{
    private readonly JsonObject _strictSchemas = Strict(document["components"]!["schemas"]!.AsObject());
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private int _built;

    /// <summary>The operations an answer was checked for.</summary>
    public HashSet<string> Exercised { get; } = new(StringComparer.Ordinal);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        string operationId, HttpMethod method, string url, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request);
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var text = await response.Content.ReadAsStringAsync();
        var stated = OpenApiDocumentTests.Operation(document, operationId)["responses"]![status]
            ?? throw new InvalidOperationException($"{operationId} {method} {url} answered {status}, which the document does not state: {Shorten(text)}");
        Exercised.Add(operationId);
        if (text.Length == 0)
        {
            return (response.StatusCode, null);
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var media = stated["content"]?[mediaType]
            ?? throw new InvalidOperationException($"{operationId} {url} answered {status} as {mediaType}, which the document does not state for it.");
        if (media["x-itemSchema"] is { } item)
        {
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Validate($"{operationId} {status} line", item, line);
            }

            return (response.StatusCode, null);
        }

        if ((string?)media["schema"]!["type"] == "string")
        {
            return (response.StatusCode, null); // text: YAML, HTML, a script
        }

        Validate($"{operationId} {status} {mediaType}", media["schema"]!, text);
        return (response.StatusCode, JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string operationId, string url, string? accept = null) =>
        SendAsync(operationId, HttpMethod.Get, url, accept: accept);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private void Validate(string key, JsonNode schema, string json)
    {
        if (!_schemas.TryGetValue(key, out var compiled))
        {
            var root = new JsonObject { ["allOf"] = new JsonArray(schema.DeepClone()), ["$defs"] = _strictSchemas.DeepClone() };
            compiled = JsonSchema.FromText(
                root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal),
                baseUri: new Uri($"https://quality.test/schemas/{++_built}"));
            _schemas[key] = compiled;
        }

        using var instance = JsonDocument.Parse(json);
        var result = compiled.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!result.IsValid)
        {
            var errors = (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
            throw new InvalidOperationException($"{key} does not match the document:\n{string.Join('\n', errors.Take(20))}\n{Shorten(json)}");
        }
    }

    /// <summary>The components with <c>additionalProperties: false</c> on every object schema that names its properties.</summary>
    private static JsonObject Strict(JsonObject schemas)
    {
        var strict = schemas.DeepClone().AsObject();
        foreach (var (name, schema) in strict)
        {
            // ProblemDetails is a base of allOf, where closing it would refuse the members its extension adds.
            if (name != "ProblemDetails" && schema is JsonObject properties && properties.ContainsKey("properties") && !properties.ContainsKey("additionalProperties"))
            {
                properties["additionalProperties"] = false;
            }
        }

        return strict;
    }

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "…" : text;
}
