using System.Text.Json.Serialization;

namespace Quality.Domain.Standards;

/// <summary>What a breached rule does to the batch's verdict.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleSeverity>))]
public enum RuleSeverity
{
    /// <summary>A breach rejects the batch.</summary>
    Reject,

    /// <summary>A breach accepts the batch with findings.</summary>
    Finding,
}
