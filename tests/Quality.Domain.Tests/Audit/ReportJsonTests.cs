using System.Text.Json;
using System.Text.Json.Nodes;
using Quality.Domain.Audit;
using Quality.Domain.Findings;

namespace Quality.Domain.Tests.Audit;

public sealed class ReportJsonTests
{
    /// <summary>ReportJson's settings, indented, with the types described by reflection alone (as the compact ones are).</summary>
    private static readonly JsonSerializerOptions Reflected = new(ReportJson.SerializerOptions) { WriteIndented = true };

    private static readonly DateTimeOffset Seen = new(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Serialize_NonAsciiNamesAndApostrophes_AreWrittenAsTheyAre()
    {
        var json = ReportJson.Serialize(Finding(classes: ["Fußgänger", "行人"], statement: "Krippendorff's alpha (nominal) of Straße < 0.8 & falling"));

        Assert.Contains("\"Fußgänger\"", json, StringComparison.Ordinal);
        Assert.Contains("\"行人\"", json, StringComparison.Ordinal);
        Assert.Contains("Krippendorff's alpha (nominal) of Straße < 0.8 & falling", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_QuotesBackslashesAndControlCharacters_AreStillEscaped()
    {
        var statement = "a \"quoted\" \\ path\nand a bell \u0007";

        var json = ReportJson.Serialize(Finding(statement: statement));

        Assert.Contains(@"a \""quoted\"" \\ path\nand a bell \u0007", json, StringComparison.Ordinal);
        Assert.Equal(statement, ReportJson.Deserialize<Finding>(json).Statement);
    }

    [Fact]
    public void Serialize_DateWithAnOffset_IsWrittenInUtcWithZ()
    {
        var json = JsonNode.Parse(ReportJson.Serialize(Finding()))!;

        Assert.Equal("2026-11-25T08:30:00Z", (string?)json["firstSeen"]);
        Assert.Equal("2026-11-25T08:30:00.25Z", (string?)json["lastSeen"]);
    }

    [Fact]
    public void Deserialize_UtcDate_ReadsBackTheSameInstant()
    {
        var finding = Finding();

        var read = ReportJson.Deserialize<Finding>(ReportJson.Serialize(finding));

        Assert.Equal(finding.FirstSeen, read.FirstSeen);
        Assert.Equal(finding.LastSeen, read.LastSeen);
        Assert.Equal(TimeSpan.Zero, read.FirstSeen.Offset);
    }

    [Fact]
    public void Serialize_Statistic_KeepsEveryDigitOfTheDouble()
    {
        var json = ReportJson.Serialize(new FindingEvidence("alpha", 113.0 / 152));

        Assert.Equal(113.0 / 152, JsonNode.Parse(json)!["value"]!.GetValue<double>());
        Assert.Contains("0.743421052631579", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_NonFiniteNumber_FailsInsteadOfWritingNaN()
    {
        Assert.Throws<ArgumentException>(() => ReportJson.Serialize(new { value = double.NaN }));
        Assert.Throws<ArgumentException>(() => ReportJson.Serialize(new { value = double.PositiveInfinity }));
    }

    [Fact]
    public void ApplyConventions_OnWebOptions_WritesAsReportJsonDoes()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ReportJson.ApplyConventions(options);
        var value = new { name = "Fußgänger", time = Seen };

        Assert.Equal(ReportJson.Serialize(value), JsonSerializer.Serialize(value, options));
    }

    [Fact]
    public void Serialize_Indented_WritesTheViewsAsReflectionDescribesThem()
    {
        // The indented options describe the report's views at compile time (ReportViewsJson); the compact ones by
        // reflection. Both must give the same document: the hand-worked audit's views, nulls, enums and dictionaries.
        var result = HandWorkedAudit.Result();
        var bootstrap = new Quality.Domain.Agreement.BootstrapOptions { Seed = 1, Replicates = 10 };
        var views = new
        {
            counts = CountsView.From(result.Metrics),
            agreement = AgreementSuiteView.From(result, bootstrap),
            objects = SpatialReportView.From(result.Spatial, bootstrap),
        };
        var json = ReportJson.Serialize(views, indented: true);

        Assert.Equal(JsonSerializer.Serialize(views, Reflected), json);
        Assert.Contains("\"fleissKappa\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pairwise\"", json, StringComparison.Ordinal);
    }

    private static Finding Finding(IReadOnlyList<string>? classes = null, string statement = "s") => new()
    {
        Pipeline = "p",
        Kind = FindingKind.SystemError,
        ErrorTypeKey = "k",
        Severity = FindingSeverity.Medium,
        Classes = classes ?? [],
        Statement = statement,
        Action = "a",
        FirstSeen = Seen,
        LastSeen = Seen.AddMilliseconds(250),
    };
}
