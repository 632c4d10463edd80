using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Quality.Functions.Access;

namespace Quality.Functions.OpenApi;

/// <summary>
/// JSON Schemas of the API's bodies, each from the serializer settings that really write (or read) it
/// (<see cref="ApiJson"/>): System.Text.Json's <see cref="JsonSchemaExporter"/> asks the same contract the serializer
/// writes by, so names, enum values and number handling follow the app's options as they change. Every object type
/// becomes a named component (<c>#/components/schemas/{name}</c>), referenced wherever it appears.
/// </summary>
/// <remarks>
/// Why the exporter and not Microsoft.OpenApi's schema model: OpenAPI 3.1's schemas are JSON Schema 2020-12, which is
/// what the exporter writes, so its nodes go into the document as they are; building Microsoft.OpenApi schema objects
/// would mean translating each node into a second model of the same thing. The tests read the document back with
/// Microsoft.OpenApi, which keeps the generator honest about the format.
/// <para>
/// An answer's <c>required</c> lists the properties the serializer always writes (nulls included), not what a reader
/// could do without; nullability follows the types' annotations. A body the API reads requires only what the reader
/// requires.
/// </para>
/// </remarks>
internal sealed class SchemaComponents
{
    private readonly Dictionary<ApiJson, JsonSerializerOptions> _options;
    private readonly Dictionary<(Type Type, ApiJson Json), string> _names = [];
    private readonly Dictionary<string, (Type Type, ApiJson Json)> _owners = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, JsonNode> _schemas = new(StringComparer.Ordinal);

    public SchemaComponents(JsonSerializerOptions http, JsonSerializerOptions report, JsonSerializerOptions web)
    {
        _options = new()
        {
            [ApiJson.Http] = ForWriting(http),
            [ApiJson.Report] = ForWriting(report),
            [ApiJson.Web] = Copy(web),
        };
    }

    /// <summary>The named schemas referenced so far.</summary>
    public JsonObject Components => new(_schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value.DeepClone())));

    /// <summary>The schema of <paramref name="type"/> as <paramref name="json"/> writes it: a reference to an object type's component, else the schema itself.</summary>
    public JsonNode Of(Type type, ApiJson json) =>
        _options[json].GetTypeInfo(type).Kind == JsonTypeInfoKind.Object ? Reference(type, json) : Export(type, json);

    private JsonObject Reference(Type type, ApiJson json)
    {
        if (!_names.TryGetValue((type, json), out var name))
        {
            name = Claim(type, json);
            var schema = Export(type, json);
            // The same type written alike by other settings is one component (unless it already refers to itself here).
            var twin = _names
                .Where(n => n.Key.Type == type && n.Value != name && _schemas.TryGetValue(n.Value, out var other) && JsonNode.DeepEquals(other, schema))
                .Select(n => n.Value).FirstOrDefault();
            if (twin is not null && !_schemas.Values.Append(schema).Any(s => s.ToJsonString().Contains(Pointer(name) + "\"", StringComparison.Ordinal)))
            {
                _owners.Remove(name);
                _names[(type, json)] = twin;
                return Ref(twin);
            }

            _schemas[name] = schema;
        }

        return Ref(name);
    }

    private JsonNode Export(Type type, ApiJson json) => _options[json].GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
    {
        // Collections' elements and the type itself are as their annotations say, not "maybe null" for lack of them.
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, node) => Transform(json, context, node),
    });

    private JsonNode Transform(ApiJson json, JsonSchemaExporterContext context, JsonNode node)
    {
        if (node is JsonValue)
        {
            return new JsonObject(); // `true`: any JSON value, as an empty schema
        }

        var info = context.TypeInfo;
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return node;
        }

        if (context.Path.IsEmpty)
        {
            node.AsObject().Remove("required");
            if (Required(info, json) is { Count: > 0 } required)
            {
                node["required"] = required;
            }

            return node;
        }

        var reference = Reference(info.Type, json);
        return node["type"] is JsonArray types && types.Any(t => (string?)t == "null")
            ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) }
            : reference;
    }

    /// <summary>What the serializer always writes (answers), or what the reader insists on (bodies the API reads).</summary>
    private static JsonArray Required(JsonTypeInfo info, ApiJson json) => [.. info.Properties
        .Where(p => !p.IsExtensionData)
        .Where(p => json == ApiJson.Web ? p.IsRequired : p.Get is not null && p.ShouldSerialize is null && AlwaysWritten(p, info.Options))
        .Select(p => (JsonNode)p.Name)];

    private static bool AlwaysWritten(JsonPropertyInfo property, JsonSerializerOptions options)
    {
        var ignore = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>().FirstOrDefault();
        var condition = ignore?.Condition ?? options.DefaultIgnoreCondition;
        return condition == JsonIgnoreCondition.Never || (condition == JsonIgnoreCondition.WhenWritingNull && !property.IsGetNullable);
    }

    /// <summary>Names a component after its type; a second type of that name gets its namespace, a second setting its <see cref="ApiJson"/>.</summary>
    private string Claim(Type type, ApiJson json)
    {
        var name = Display(type);
        if (_owners.TryGetValue(name, out var owner) && owner.Type != type)
        {
            name = $"{type.Namespace?.Split('.')[^1]}.{name}";
        }

        if (_owners.ContainsKey(name))
        {
            name = $"{name}.{json}";
        }

        if (!_owners.TryAdd(name, (type, json)))
        {
            throw new InvalidOperationException($"Two schemas would be named {name} ({type.FullName}).");
        }

        _names[(type, json)] = name;
        return name;
    }

    private static string Display(Type type) => type.IsGenericType
        ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(Display))
        : type.Name;

    private static string Pointer(string name) => "#/components/schemas/" + name;

    private static JsonObject Ref(string name) => new() { ["$ref"] = Pointer(name) };

    /// <summary>
    /// The settings as they write: nullability from the types' annotations, and numbers as written (reading them from
    /// strings, which the web defaults allow, widens only what is read).
    /// </summary>
    private static JsonSerializerOptions ForWriting(JsonSerializerOptions options) => Copy(options, o =>
    {
        o.RespectNullableAnnotations = true;
        o.NumberHandling &= ~JsonNumberHandling.AllowReadingFromString;
    });

    private static JsonSerializerOptions Copy(JsonSerializerOptions options, Action<JsonSerializerOptions>? change = null)
    {
        var copy = new JsonSerializerOptions(options);
        copy.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        change?.Invoke(copy);
        copy.MakeReadOnly();
        return copy;
    }
}
