using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quality.Tests.Shared;

/// <summary>
/// The review side of the review loop for deliveries of <see cref="ObjectDeliveryGenerator"/>: a standard that samples,
/// and a review delivery whose reviewer labels every chosen item as the gold key has it.
/// </summary>
internal static class ReviewDeliveries
{
    /// <summary>A standard for <paramref name="pipeline"/> with one lenient rule and a Z1.4 sampling plan (AQL 1.0, level II).</summary>
    public static string SamplingStandard(string pipeline, string samplingExtras = "") => $"""
        standard: {pipeline}
        version: 1.0.0
        rules:
          - metric: gold-f1
            lowerBound: 0.5
            severity: finding
        sampling:
          aql: 1.0
          level: II
        {samplingExtras}
        """;

    /// <summary>
    /// The gold objects of <paramref name="items"/> relabeled as a reviewer's (role <c>reviewer</c>, no ids), under a header
    /// that names the reviewed batch. <paramref name="reviewerOf"/> names the reviewer of each object by its 0-based index in
    /// the review (default <c>qa-lead</c> for all).
    /// </summary>
    public static string FromGold(
        string batch, string delivery, IEnumerable<string> items, string pipeline, string vendor, string deliveryId, Func<int, string>? reviewerOf = null)
    {
        var reviewed = items.ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder(Header(pipeline, vendor, deliveryId, batch)).Append('\n');
        var index = 0;
        foreach (var line in delivery.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var node = JsonNode.Parse(line)!.AsObject();
            if ((string?)node["role"] == "gold" && reviewed.Contains((string)node["item"]!))
            {
                node["annotator"] = reviewerOf?.Invoke(index++) ?? "qa-lead";
                node["role"] = "reviewer";
                node.Remove("id");
                text.Append(node.ToJsonString()).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Header(string pipeline, string vendor, string deliveryId, string reviews) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["format"] = "serverless-quality.canonical", ["version"] = 1, ["deliveryId"] = deliveryId, ["pipeline"] = pipeline, ["vendor"] = vendor,
        ["taxonomy"] = new Dictionary<string, string> { ["name"] = "driving-objects", ["version"] = "1.0.0" }, ["dataTypes"] = DataTypes,
        ["reviews"] = reviews,
    });

    private static readonly string[] DataTypes = ["cuboids-3d"];
}
