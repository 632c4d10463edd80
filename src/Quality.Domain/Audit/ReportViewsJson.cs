using System.Text.Json.Serialization;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Audit;

/// <summary>
/// The views of a batch report described at compile time (and everything they hold), so that writing one does not
/// describe the types by reflection and emitted getters at run time. <see cref="ReportJson"/>'s options take their
/// description from here and reflection for any other type; the options, not these attributes, say how they are written.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(DeliveryHeader))]
[JsonSerializable(typeof(CountsView))]
[JsonSerializable(typeof(AgreementSuiteView))]
[JsonSerializable(typeof(GoldAuditView))]
[JsonSerializable(typeof(SpatialView))]
[JsonSerializable(typeof(ViolationTallyView))]
[JsonSerializable(typeof(Verdict))]
[JsonSerializable(typeof(IReadOnlyList<DeliveryWarning>))]
[JsonSerializable(typeof(Tags.TagGoldView))]
[JsonSerializable(typeof(RootCauses.RootCauseReport))]
internal sealed partial class ReportViewsJson : JsonSerializerContext;
