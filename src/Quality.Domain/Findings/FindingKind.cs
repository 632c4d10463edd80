using System.Text.Json.Serialization;

namespace Quality.Domain.Findings;

/// <summary>What a <see cref="Finding"/> reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingKind>))]
public enum FindingKind
{
    /// <summary>An error type elevated and spread over the annotators (<see cref="ErrorSource.SystemError"/>).</summary>
    SystemError,

    /// <summary>An error type concentrated in a few annotators (<see cref="ErrorSource.IndividualError"/>).</summary>
    IndividualError,

    /// <summary>A class-pair confusion rising across deliveries (<see cref="ConfusionTrend"/>).</summary>
    SystematicConfusion,

    /// <summary>A control-chart signal on a batch metric.</summary>
    ProcessSignal,

    /// <summary>
    /// An error kind concentrated in a stratum (night, far range, a class, a tool version) and spread over the annotators:
    /// the guideline, tool or data, not a person (<see cref="RootCauses.ConcentrationSource.System"/>).
    /// </summary>
    Structural,
}
