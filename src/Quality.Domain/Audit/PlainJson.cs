using System.Text.Json.Serialization;

namespace Quality.Domain.Audit;

/// <summary>
/// The small values written as JSON with the serializer's default options (a review unit's id, a pair's attribute
/// differences in the facts), described at compile time so that a natively compiled command writes them too.
/// </summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string?[]>))]
internal sealed partial class PlainJson : JsonSerializerContext;
