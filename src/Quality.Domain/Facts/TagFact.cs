using System.Text.Json.Serialization;

namespace Quality.Domain.Facts;

/// <summary>
/// One row of the <c>tags</c> facts table (docs/query.md): one frame tag an annotator gave, beside gold's value of the
/// same field on the item when gold tagged it. <c>pipeline</c> and <c>date</c> are the files' partitions.
/// </summary>
public sealed record TagFact
{
    [JsonPropertyName("batch_id")]
    public string BatchId { get; init; } = "";

    [JsonPropertyName("delivery_id")]
    public string DeliveryId { get; init; } = "";

    [JsonPropertyName("vendor")]
    public string Vendor { get; init; } = "";

    [JsonPropertyName("item")]
    public string Item { get; init; } = "";

    [JsonPropertyName("field")]
    public string Field { get; init; } = "";

    [JsonPropertyName("annotator")]
    public string Annotator { get; init; } = "";

    [JsonPropertyName("value")]
    public string Value { get; init; } = "";

    /// <summary>Gold's value of the field on the item; null when gold did not tag it.</summary>
    [JsonPropertyName("gold_value")]
    public string? GoldValue { get; init; }

    /// <summary>Whether the value is gold's; null without a gold value.</summary>
    [JsonPropertyName("correct")]
    public bool? Correct { get; init; }

    /// <summary>The item's frame tags, each gold's value, else the annotators' majority: a tag's accuracy can be cut by another field.</summary>
    [JsonPropertyName("item_tags")]
    public IDictionary<string, string>? ItemTags { get; init; }

    /// <summary>The delivery's metadata from its header or manifest: site, shift, tool_version, …</summary>
    [JsonPropertyName("delivery_metadata")]
    public IDictionary<string, string>? DeliveryMetadata { get; init; }
}
