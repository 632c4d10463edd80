using System.Text.Json;
using System.Text.Json.Serialization;
using Quality.Domain.Audit;

namespace Quality.Domain.Sampling;

/// <summary>
/// The unit of product that is sampled, reviewed and counted conforming or not: one annotator's labels on one item
/// (every object and tag that annotator gave the frame). A unit is nonconforming when the review finds any error in it.
/// </summary>
/// <param name="Classes">The object classes and tags (<c>field=value</c>) in the unit, distinct, in ordinal order.</param>
/// <param name="Agreement">How far the other annotators of the item agree with this one, in [0, 1]; null when no one else labeled it.</param>
public sealed record ReviewUnit(string Item, string Annotator, IReadOnlyList<string> Classes, double? Agreement)
{
    /// <summary>Agreement assumed for a unit no other annotator can be compared with: halfway, neither trusted nor suspect.</summary>
    public const double UnknownAgreement = 0.5;

    /// <summary>The unit's id: the JSON array <c>["item","annotator"]</c>, unambiguous whatever characters the ids hold.</summary>
    /// <remarks>Derived, so not stored with the frame (a third of a frame blob's bytes were these two properties).</remarks>
    [JsonIgnore]
    public string Id => IdOf(Item, Annotator);

    /// <summary>The item's scene: each frame-tag field's most frequent value among the item's annotators (ties: the ordinally first).</summary>
    public IReadOnlyDictionary<string, string> Scene { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Risk weight for risk-weighted selection: 0.05 + (1 − agreement), so a unit in full disagreement is 21 times as likely as one in full agreement.</summary>
    [JsonIgnore]
    public double RiskWeight => 0.05 + (1 - (Agreement ?? UnknownAgreement));

    public static string IdOf(string item, string annotator) => JsonSerializer.Serialize([item, annotator], PlainJson.Default.StringArray);
}
