using System.Text.Json;
using System.Text.Json.Serialization;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Deliveries;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Source-generated JSON for everything the pipeline persists. Undefined statistics are NaN and are
/// written as the literal "NaN" rather than dropped, so a stored figure never silently becomes a number.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchMetrics))]
[JsonSerializable(typeof(BatchAuditState))]
[JsonSerializable(typeof(BatchErrorCounts))]
[JsonSerializable(typeof(Quality.Pipeline.Monitoring.ErrorTotalsState))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, FieldDeclaration>))]
[JsonSerializable(typeof(RejectionReport))]
[JsonSerializable(typeof(List<Quality.Domain.Sampling.ReviewUnit>))]
[JsonSerializable(typeof(IReadOnlyList<Quality.Domain.Sampling.ReviewUnit>))]
[JsonSerializable(typeof(List<Quality.Domain.Formats.DeliveryWarning>))]
[JsonSerializable(typeof(IReadOnlyList<Quality.Domain.Formats.DeliveryWarning>))]
internal sealed partial class PipelineJson : JsonSerializerContext
{
    public static string Serialize<T>(T value) =>
        JsonSerializer.Serialize(value, typeof(T), Default);

    /// <summary>The UTF-8 bytes <see cref="Serialize"/>'s string would encode to, without the string.</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), Default);

    public static T Deserialize<T>(string json) =>
        (T)(JsonSerializer.Deserialize(json, typeof(T), Default)
            ?? throw new JsonException($"'{typeof(T).Name}' was null"));

    /// <summary>Reads UTF-8 JSON as stored (a downloaded blob's content), without decoding it to a string first.</summary>
    public static T Deserialize<T>(BinaryData json) =>
        (T)(JsonSerializer.Deserialize(json.ToMemory().Span, typeof(T), Default)
            ?? throw new JsonException($"'{typeof(T).Name}' was null"));

    public static T Deserialize<T>(Stream json) =>
        (T)(JsonSerializer.Deserialize(json, typeof(T), Default)
            ?? throw new JsonException($"'{typeof(T).Name}' was null"));
}
