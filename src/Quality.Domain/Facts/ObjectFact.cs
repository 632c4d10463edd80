using System.Text.Json.Serialization;

namespace Quality.Domain.Facts;

/// <summary>
/// One row of the <c>objects</c> facts table (docs/query.md): one evidence row of the gold audit — a matched pair, a
/// gold object an annotator missed, or an object of theirs gold does not have — with its batch and strata. The column
/// names are the JSON names, in snake case as SQL reads them; <c>pipeline</c> and <c>date</c> are the files' partitions.
/// </summary>
public sealed record ObjectFact
{
    [JsonPropertyName("batch_id")]
    public string BatchId { get; init; } = "";

    [JsonPropertyName("delivery_id")]
    public string DeliveryId { get; init; } = "";

    [JsonPropertyName("vendor")]
    public string Vendor { get; init; } = "";

    [JsonPropertyName("item")]
    public string Item { get; init; } = "";

    /// <summary><c>box2d</c> or <c>cuboid</c>.</summary>
    [JsonPropertyName("data_type")]
    public string DataType { get; init; } = "";

    [JsonPropertyName("annotator")]
    public string Annotator { get; init; } = "";

    /// <summary>The annotator's object: its id, else its line in the delivery; null for a miss.</summary>
    [JsonPropertyName("annotator_object")]
    public string? AnnotatorObject { get; init; }

    [JsonPropertyName("gold_annotator")]
    public string? GoldAnnotator { get; init; }

    /// <summary>The gold object: its id, else its line in the delivery; null for an extra.</summary>
    [JsonPropertyName("gold_object")]
    public string? GoldObject { get; init; }

    /// <summary><c>match</c>, <c>misclassified</c>, <c>missed</c> or <c>extra</c>.</summary>
    [JsonPropertyName("outcome")]
    public string Outcome { get; init; } = "";

    /// <summary>The outcome as an error: <c>none</c>, <c>attribute</c> (a match whose attributes differ), or the outcome.</summary>
    [JsonPropertyName("error_kind")]
    public string ErrorKind { get; init; } = "";

    /// <summary>The object's class: gold's, else the annotator's (an extra).</summary>
    [JsonPropertyName("class")]
    public string Class { get; init; } = "";

    [JsonPropertyName("gold_class")]
    public string? GoldClass { get; init; }

    [JsonPropertyName("annotator_class")]
    public string? AnnotatorClass { get; init; }

    /// <summary>IoU of a matched pair (3D or bird's-eye view for cuboids, image-plane for boxes); null for a miss or an extra.</summary>
    [JsonPropertyName("iou")]
    public double? Iou { get; init; }

    /// <summary>Attributes that differ in a matched pair, as JSON <c>{"name":[gold, annotator]}</c>; null when none differ.</summary>
    [JsonPropertyName("attribute_differences")]
    public string? AttributeDifferences { get; init; }

    /// <summary>Distance of a cuboid's centre from the ego origin in the ground plane, √(x² + y²), metres; null for a box.</summary>
    [JsonPropertyName("range_m")]
    public double? RangeM { get; init; }

    /// <summary>The range in the drill-down's bins (<see cref="RootCauses.StratumBins"/>), e.g. <c>40–60 m</c>; null for a box.</summary>
    [JsonPropertyName("range_bin")]
    public string? RangeBin { get; init; }

    /// <summary>Volume of a cuboid (m³) or area of a box (px²).</summary>
    [JsonPropertyName("size")]
    public double? Size { get; init; }

    /// <summary>The size in the drill-down's bins, e.g. <c>1–5 m³</c> or <c>small (&lt;32² px)</c>.</summary>
    [JsonPropertyName("size_bin")]
    public string? SizeBin { get; init; }

    /// <summary>The object's attributes (gold's object, else the annotator's): occlusion, visibility, …</summary>
    [JsonPropertyName("attributes")]
    public IDictionary<string, string>? Attributes { get; init; }

    /// <summary>The item's frame tags, each gold's value, else the annotators' majority: weather, time_of_day, …</summary>
    [JsonPropertyName("item_tags")]
    public IDictionary<string, string>? ItemTags { get; init; }

    /// <summary>The delivery's metadata from its header or manifest: site, shift, tool_version, …</summary>
    [JsonPropertyName("delivery_metadata")]
    public IDictionary<string, string>? DeliveryMetadata { get; init; }
}
