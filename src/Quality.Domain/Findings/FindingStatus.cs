using System.Text.Json.Serialization;

namespace Quality.Domain.Findings;

/// <summary>Where a <see cref="Finding"/> stands; a resolved finding seen again reopens.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingStatus>))]
public enum FindingStatus
{
    Open,
    Acknowledged,
    Resolved,
}
