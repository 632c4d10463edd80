using System.Text.Json.Nodes;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Taxonomy;

namespace Quality.Domain.Tests.Audit;

/// <summary>
/// A batch where almost nothing is defined — one field nobody else rated, one without variation, cuboids of a single
/// annotator and no gold, no taxonomy check — shown as every view shows it: null with a reason, never NaN.
/// </summary>
public sealed class UndefinedFiguresJsonTests
{
    private static readonly BatchAuditResult Degenerate = Audit();

    [Fact]
    public void Serialize_ViewsOfUndefinedFigures_WriteNoNaNOrInfinity()
    {
        string[] documents =
        [
            ReportJson.Serialize(AgreementSuiteView.From(Degenerate, new BootstrapOptions { Seed = 1, Replicates = 20 })),
            ReportJson.Serialize(AgreementView.From(Degenerate.Metrics)),
            ReportJson.Serialize(SpatialReportView.From(Degenerate.Spatial)),
            ReportJson.Serialize(new ViolationTally().ToView()),
        ];

        // Rule descriptions are prose about input ("a box … has a NaN, infinite or negative size"), not figures.
        Assert.All(documents.SelectMany(json => Figures(JsonNode.Parse(json))), text =>
        {
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        });
    }

    /// <summary>Every value of a document as text, but the rule descriptions.</summary>
    internal static IEnumerable<string> Figures(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key != "description").SelectMany(p => Figures(p.Value)),
        JsonArray a => a.SelectMany(Figures),
        null => [],
        _ => [node.ToJsonString()],
    };

    [Fact]
    public void AgreementSuiteView_UndefinedAlpha_IsNullWithTheReason()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(AgreementSuiteView.From(Degenerate, new BootstrapOptions { Seed = 1, Replicates = 20 })))!;

        var alone = json["fields"]!["Fußgänger"]!;
        Assert.Null(alone["krippendorffAlpha"]);
        Assert.Null(alone["alphaCi95"]);
        Assert.Equal("no unit has two or more values", (string?)alone["alphaUndefinedReason"]);
        var uniform = json["fields"]!["Wetter"]!;
        Assert.Null(uniform["krippendorffAlpha"]);
        Assert.Equal("no variation: every pairable value is the same (D_e = 0)", (string?)uniform["alphaUndefinedReason"]);
        Assert.Equal(1.0, (double)uniform["percentAgreement"]!);
        Assert.Null(json["krippendorffAlpha"]);
        Assert.StartsWith("no field has a defined alpha", (string?)json["alphaUndefinedReason"], StringComparison.Ordinal);
    }

    [Fact]
    public void AgreementView_DefinedAlpha_HasNoReason()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(AgreementView.From(HandWorkedAudit.Result().Metrics)))!;

        Assert.NotNull(json["krippendorffAlpha"]);
        Assert.Null(json["alphaUndefinedReason"]);
        Assert.Null(json["fields"]!["weather"]!["alphaUndefinedReason"]);
    }

    [Fact]
    public void SpatialReportView_SingleAnnotatorsObjects_ConsensusAlphaIsNullWithTheReason()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(SpatialReportView.From(Degenerate.Spatial)))!;

        var existence = json["spatial"]!["consensus"]!["existence"]!;
        Assert.Null(existence["alpha"]);
        Assert.Equal("no unit has two or more values", (string?)existence["alphaUndefinedReason"]);
    }

    [Fact]
    public void Serialize_NonAsciiFieldAndAnnotatorNames_AreWrittenAsTheyAre()
    {
        var json = ReportJson.Serialize(AgreementSuiteView.From(Degenerate, new BootstrapOptions { Seed = 1, Replicates = 20 }), indented: true);

        Assert.Contains("\"Fußgänger\"", json, StringComparison.Ordinal);
        Assert.Contains("\"行人\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Jürgen\"", json, StringComparison.Ordinal);
    }

    private static BatchAuditResult Audit()
    {
        var audit = new BatchAudit();
        audit.AddItem("d.jsonl",
        [
            new Annotation("Bild-1", "Jürgen", AnnotatorRole.Annotator, "Wetter", "Nebel", 2),
            new Annotation("Bild-1", "行人", AnnotatorRole.Annotator, "Wetter", "Nebel", 3),
            new Annotation("Bild-1", "Jürgen", AnnotatorRole.Annotator, "Fußgänger", "ja", 4),
        ]);
        audit.AddItem("d.jsonl",
        [
            new Annotation("Bild-2", "Jürgen", AnnotatorRole.Annotator, "Wetter", "Nebel", 5),
            new Annotation("Bild-2", "行人", AnnotatorRole.Annotator, "Wetter", "Nebel", 6),
        ]);
        audit.AddItem("d.jsonl",
        [
            new Annotation("Fahrt-1", "Jürgen", AnnotatorRole.Annotator, Annotation.DefaultField, "Fußgänger", 7)
            {
                Cuboid = new Domain.Geometry.Cuboid(0, 0, 0, 1, 1, 2, 0),
            },
        ]);
        return audit.Finish(_ => FieldDeclaration.Nominal, new BootstrapOptions { Seed = 1, Replicates = 20 });
    }
}
