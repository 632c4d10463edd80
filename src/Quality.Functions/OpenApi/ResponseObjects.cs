using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Quality.Functions.Access;

namespace Quality.Functions.OpenApi;

/// <summary>
/// OpenAPI response, content and parameter-schema objects from the route table's words. Answers with one status are
/// one response: their descriptions listed, their bodies' schemas alternatives (<c>anyOf</c>), and problems that carry
/// the same members one problem whose members take every value any of them names.
/// </summary>
internal static class ResponseObjects
{
    private const string ProblemMediaType = "application/problem+json";

    private static readonly ApiField TraceId = new("traceId", typeof(string), "The request's trace (W3C traceparent), to find it in the logs.");

    public static JsonObject Of(IEnumerable<ApiResponse> responses, SchemaComponents schemas)
    {
        var result = new JsonObject();
        foreach (var status in responses.GroupBy(r => r.Status).OrderBy(g => g.Key))
        {
            var answers = status.ToList();
            var descriptions = answers.Select(a => a.Description).Distinct(StringComparer.Ordinal).ToList();
            var response = new JsonObject { ["description"] = descriptions.Count == 1 ? descriptions[0] : string.Join('\n', descriptions.Select(d => "- " + d)) };
            var content = Content(answers.SelectMany(a => a.Content), schemas);
            if (answers.Where(a => a.Problem is not null).ToList() is { Count: > 0 } problems)
            {
                content[ProblemMediaType] = new JsonObject { ["schema"] = AnyOf([.. Merge(problems.Select(p => p.Problem!)).Select(m => ProblemSchema(m, schemas))]) };
            }

            if (content.Count > 0)
            {
                response["content"] = content;
            }

            if (answers.Select(a => a.Location).FirstOrDefault(l => l is not null) is { } location)
            {
                response["headers"] = new JsonObject { ["Location"] = new JsonObject { ["description"] = location, ["schema"] = new JsonObject { ["type"] = "string" } } };
            }

            result[status.Key.ToString(CultureInfo.InvariantCulture)] = response;
        }

        return result;
    }

    /// <summary>A content object: per media type its schema, alternatives when several bodies share one.</summary>
    public static JsonObject Content(IEnumerable<ApiContent> contents, SchemaComponents schemas)
    {
        var result = new JsonObject();
        foreach (var media in contents.GroupBy(c => c.MediaType, StringComparer.Ordinal))
        {
            var objects = media.Select(c => MediaObject(c, schemas)).ToList();
            result[media.Key] = objects.Count == 1 ? objects[0] : new JsonObject { ["schema"] = AnyOf([.. objects.Select(o => o["schema"]!.DeepClone())]) };
        }

        return result;
    }

    public static JsonNode FieldSchema(ApiField field, SchemaComponents schemas)
    {
        var schema = schemas.Of(field.Type, ApiJson.Http).DeepClone();
        if (schema is not JsonObject properties || properties.ContainsKey("$ref"))
        {
            return schema;
        }

        if (field.Nullable && properties["type"] is JsonValue type)
        {
            properties["type"] = new JsonArray((string?)type, "null");
        }

        if (field.Values is { } values)
        {
            properties["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)v), .. field.Nullable ? new JsonNode?[] { null } : []]);
        }

        if (field.Pattern is { } pattern)
        {
            properties["pattern"] = pattern;
        }

        return schema;
    }

    private static JsonObject MediaObject(ApiContent content, SchemaComponents schemas) => content.Kind switch
    {
        ApiContentKind.Json => new() { ["schema"] = schemas.Of(content.Shape!, content.Json).DeepClone() },
        ApiContentKind.JsonLines => new()
        {
            ["schema"] = new JsonObject { ["type"] = "string", ["description"] = $"JSON Lines: one {content.Shape!.Name} per line (x-itemSchema)." },
            // OpenAPI 3.2 names this itemSchema; 3.1 has no word for a line's schema.
            ["x-itemSchema"] = schemas.Of(content.Shape!, content.Json).DeepClone(),
        },
        ApiContentKind.FormFile => new()
        {
            ["schema"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "The form's first file is read, whatever its field's name.",
                ["properties"] = new JsonObject { ["file"] = new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/x-ndjson" } },
            },
        },
        _ => new() { ["schema"] = new JsonObject { ["type"] = "string" } },
    };

    /// <summary>RFC 9457's members, the trace id ASP.NET Core's problem writer adds, and the members the problem adds.</summary>
    private static JsonObject ProblemSchema(IReadOnlyList<ApiField> members, SchemaComponents schemas)
    {
        var details = schemas.Of(typeof(ProblemDetails), ApiJson.Http);
        members = [.. members, TraceId];
        var added = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject([.. members.Select(m => KeyValuePair.Create(m.Name, (JsonNode?)Described(FieldSchema(m, schemas), m.Description)))]),
        };
        if (members.Where(m => m.Required).Select(m => (JsonNode)m.Name).ToArray() is { Length: > 0 } required)
        {
            added["required"] = new JsonArray(required);
        }

        return new JsonObject { ["allOf"] = new JsonArray(details.DeepClone(), added) };
    }

    /// <summary>Problems with the same members are one, each member taking every value any of them names.</summary>
    private static IEnumerable<IReadOnlyList<ApiField>> Merge(IEnumerable<IReadOnlyList<ApiField>> problems) =>
        problems.GroupBy(p => string.Join(',', p.Select(m => m.Name)), StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<ApiField>)[.. g.First().Select(m => m with
            {
                Values = g.All(p => p.Single(o => o.Name == m.Name).Values is not null)
                    ? [.. g.SelectMany(p => p.Single(o => o.Name == m.Name).Values!).Distinct(StringComparer.Ordinal)]
                    : null,
            })]);

    private static JsonNode Described(JsonNode schema, string description)
    {
        if (schema is JsonObject properties && !properties.ContainsKey("$ref"))
        {
            properties["description"] = description;
        }

        return schema;
    }

    private static JsonNode AnyOf(IReadOnlyList<JsonNode> schemas) => schemas.Count == 1 ? schemas[0] : new JsonObject { ["anyOf"] = new JsonArray([.. schemas]) };
}
