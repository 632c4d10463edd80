using System.Text.Json.Serialization;

namespace Quality.Domain.Findings;

/// <summary>How urgent a <see cref="Finding"/> is; the rule is in <see cref="FindingSeverityRule"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
