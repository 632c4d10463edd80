using System.Text.Json.Serialization;

namespace Quality.Domain.Standards;

/// <summary>How one rule of a standard fared on a batch.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleStatus>))]
public enum RuleStatus
{
    Passed,

    Failed,

    /// <summary>The measurement is absent, rests on fewer than the rule's minN, or lacks the interval a bound needs.</summary>
    NotEvaluable,
}
