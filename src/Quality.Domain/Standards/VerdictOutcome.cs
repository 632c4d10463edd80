using System.Text.Json.Serialization;

namespace Quality.Domain.Standards;

/// <summary>A batch's verdict under a standard.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerdictOutcome>))]
public enum VerdictOutcome
{
    /// <summary>Every rule passed and the batch raised no open finding.</summary>
    Accepted,

    /// <summary>No reject rule failed, but a finding rule failed, a rule could not be evaluated, or findings are open.</summary>
    AcceptedWithFindings,

    /// <summary>At least one reject rule failed.</summary>
    Rejected,
}
