using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quality.Functions.CustomHandler;

/// <summary>What the Functions host posts to <c>/{FunctionName}</c>: binding data by binding name, and trigger metadata.</summary>
internal sealed record InvocationRequest
{
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];

    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];
}

/// <summary>What the host expects back, always as application/json.</summary>
internal sealed record InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; init; } = [];

    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }
}
