using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality audit</c> on vendor files as they are: units × coders tables and Label Studio exports without <c>completed_by</c>.</summary>
public sealed class AuditVendorFileTests
{
    private static string Krippendorff2011 => Path.Combine(Repository.Root, "tests", "Shared", "Data", "krippendorff-2011-units-by-coders.csv");

    [Fact]
    public async Task UnitsByCodersTable_GivesThePublishedAlpha_AsTheCanonicalSampleDoes()
    {
        var wide = await CliRun.InvokeAsync("audit", Krippendorff2011, "--json", "--field", "value");
        var canonical = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"), "--json");

        Assert.Equal((ExitCodes.Success, ""), (wide.ExitCode, wide.Error));
        var report = JsonNode.Parse(wide.Output)!;
        // Krippendorff (2011): nominal alpha 0.743, exactly 113/152; 41 values of 4 observers on 12 units.
        Assert.Equal(113.0 / 152, (double)report["agreement"]!["fields"]!["value"]!["krippendorffAlphaNominal"]!, 12);
        Assert.Equal((12L, 4L, 41L), ((long)report["items"]!, (long)report["annotators"]!, (long)report["annotations"]!));
        Assert.Equal(JsonNode.Parse(canonical.Output)!["agreement"]!["fields"]!["value"]!.ToJsonString(), report["agreement"]!["fields"]!["value"]!.ToJsonString());
    }

    [Fact]
    public async Task UnitsByCodersTable_OfHayesAndKrippendorff2007_GivesThePublishedOrdinalAlpha()
    {
        var run = await CliRun.InvokeAsync("audit", Path.Combine(Repository.Shared, "data", "krippendorff-classics", "news_tone_hayes2007.csv"),
            "--field", "tone", "--level", "tone=ordinal");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // Hayes & Krippendorff (2007), Table 1: 40 units, 5 observers, ordinal alpha 0.7598.
        Assert.Contains("Krippendorff's alpha (ordinal) of the weakest field, tone: 0.7598", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SemicolonTable_SaysHowToSaveIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "item;ann-01;ann-02\r\nf-1;1;2\r\n");
        try
        {
            var run = await CliRun.InvokeAsync("audit", file);

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Equal($"{Path.GetFileName(file)} line 1: the header is separated by ';', not commas; save the table comma-separated (Excel: 'CSV UTF-8 (Comma delimited)') or tab-separated",
                run.Error.TrimEnd());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task LabelStudioExport_WithoutCompletedBy_IsAuditedWithAWarningInTheReport()
    {
        var run = await CliRun.InvokeAsync("audit", Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_old_format.json"), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var report = JsonNode.Parse(run.Output)!;
        // One task, three completions with three different answers: 3 values, no two alike, so alpha (nominal) is 0.
        Assert.Equal((1L, 3L, 3L), ((long)report["items"]!, (long)report["annotators"]!, (long)report["annotations"]!));
        Assert.Equal(0, (double)report["agreement"]!["fields"]!["sentiment"]!["krippendorffAlphaNominal"]!, 12);
        var warning = Assert.Single(report["warnings"]!.AsArray())!;
        Assert.Equal(("test_old_format.json", 1L, "completions[0].completed_by"), ((string?)warning["file"], (long)warning["line"]!, (string?)warning["field"]));
        Assert.StartsWith("warning: test_old_format.json line 1, field 'completions[0].completed_by': 3 annotations name no annotator", run.Error, StringComparison.Ordinal);
    }
}
