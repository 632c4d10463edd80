using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Quality.Cli.Commands;
using Quality.Domain.Audit;
using Quality.Domain.ModelLinkage;
using Quality.Domain.Sampling;
using Quality.Domain.Taxonomy;

namespace Quality.Cli;

/// <summary>
/// The JSON every command prints (<c>--json</c>) and reads back (<c>quality models</c> reads <c>quality audit --json</c>):
/// <see cref="ReportJson"/>'s form, indented, with the types described at compile time (<see cref="PrintedViewsJson"/>)
/// and never by reflection, so that the natively compiled command (QUALITY_CLI_NATIVE=1 eng/install-cli.sh) prints what the managed one does.
/// A type missing from <see cref="PrintedViewsJson"/> fails here in every build, tests included, not only natively.
/// </summary>
internal static class PrintedJson
{
    private static readonly JsonSerializerOptions Options = ReportJson.DescribedBy(PrintedViewsJson.Default, indented: true);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"The report is empty; expected a {typeof(T).Name}.");

    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}

/// <summary>Every type a command prints or reads as JSON, and everything they hold; <see cref="PrintedJson"/>'s options say how they are written.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AuditReport))]
[JsonSerializable(typeof(LocalTrainingAudits.LocalAudit))]
[JsonSerializable(typeof(AuditSample))]
[JsonSerializable(typeof(SamplingPlanView))]
[JsonSerializable(typeof(EstimationSampleSize))]
[JsonSerializable(typeof(DemonstrationSampleSize))]
[JsonSerializable(typeof(SpcReport))]
[JsonSerializable(typeof(TaxonomyDiff))]
[JsonSerializable(typeof(VersionComparison))]
[JsonSerializable(typeof(ModelCorrelation))]
internal sealed partial class PrintedViewsJson : JsonSerializerContext;
