using System.Reflection;
using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Contract;

/// <summary>
/// The <c>functions.metadata</c> the Worker SDK generated when Quality.Functions was built (what the Functions host
/// indexes in Azure), read as binding type and trigger properties per function: the spelling the catalog uses.
/// </summary>
internal static class FunctionsMetadata
{
    /// <summary>The build output of Quality.Functions in the configuration these tests were built in.</summary>
    public static string BuildOutput { get; } = Path.Combine(Repository.Root, "src", "Quality.Functions", "bin",
        typeof(FunctionsMetadata).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0");

    /// <summary>Function name → its input bindings as "type key=value …" lines, sorted.</summary>
    public static SortedDictionary<string, string> Read(string path)
    {
        var functions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            var bindings = function!["bindings"]!.AsArray()
                .Where(b => string.Equals((string?)b!["direction"], "In", StringComparison.OrdinalIgnoreCase))
                .Select(b => Describe((string)b!["name"]!, (string)b["type"]!, Properties(b.AsObject())));
            functions.Add((string)function["name"]!, string.Join('\n', bindings.Order(StringComparer.Ordinal)));
        }

        return functions;
    }

    public static string Describe(string name, string type, IEnumerable<KeyValuePair<string, string>> properties) =>
        $"{name}: {type}" + string.Concat(properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $" {p.Key}={p.Value}"));

    /// <summary>The properties that decide what triggers a function, with the defaults the SDK leaves out written in.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Properties(JsonObject binding)
    {
        string Text(string key, string fallback = "") => binding[key] switch
        {
            JsonArray array => string.Join(",", array.Select(v => ((string)v!).ToLowerInvariant())),
            JsonNode node => node.ToString(),
            null => fallback,
        };

        return (string?)binding["type"] switch
        {
            "httpTrigger" => [new("authLevel", Text("authLevel")), new("methods", Text("methods")), new("route", Text("route"))],
            "blobTrigger" => [new("path", Text("path")), new("source", Text("source", "LogsAndContainerScan")), new("connection", Text("connection"))],
            "timerTrigger" => [new("schedule", Text("schedule")), new("runOnStartup", Text("runOnStartup", "False"))],
            _ => [],
        };
    }
}
