using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

public sealed class AuditCommandTests
{
    [Fact]
    public async Task Json_report_of_the_Krippendorff_reliability_data_has_the_published_alpha_and_its_n()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Error);
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal("krippendorff-2011-c", (string?)report["delivery"]!["deliveryId"]);
        // The 4 observers x 12 units table of Krippendorff (2011): 41 values, unit 12 has one value only.
        Assert.Equal(12, (long)report["counts"]!["items"]!);
        Assert.Equal(4, (long)report["counts"]!["annotators"]!);
        Assert.Equal(41, (long)report["counts"]!["annotations"]!);
        var field = report["agreement"]!["fields"]!["value"]!;
        Assert.Equal(11, (long)field["units"]!);
        Assert.Equal(40, (long)field["pairableValues"]!);
        // Published nominal alpha 0.743; 113/152 exactly when the coincidence matrix is worked by hand.
        Assert.Equal(0.743, (double)report["agreement"]!["krippendorffAlphaNominal"]!, 3);
        Assert.Equal(113.0 / 152, (double)field["krippendorffAlphaNominal"]!, 12);
        // Mean pairwise agreement over the 11 pairable units (irrCAC pa.coeff.raw): 0.8181818.
        Assert.Equal(0.8181818, (double)report["agreement"]!["percentAgreement"]!, 7);
    }

    [Fact]
    public async Task Text_report_names_the_weakest_field_with_four_decimals()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("alpha (nominal, weakest field value) 0.7434", run.Output, StringComparison.Ordinal);
        Assert.Contains("units 11, pairable values 40", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undefined_alpha_is_null_in_json_never_a_number()
    {
        // Every value the same: no variation, so alpha is 0/0 by its definition.
        var file = await WriteDeliveryAsync(
            """{"item":"a","annotator":"x","field":"weather","label":"clear"}""",
            """{"item":"a","annotator":"y","field":"weather","label":"clear"}""");

        var run = await CliRun.InvokeAsync("audit", file, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var agreement = JsonNode.Parse(run.Output)!["agreement"]!;
        Assert.Null(agreement["krippendorffAlphaNominal"]);
        Assert.Equal(1.0, (double)agreement["percentAgreement"]!);
    }

    [Fact]
    public async Task Invalid_line_exits_2_and_names_the_file_line_and_field()
    {
        var file = await WriteDeliveryAsync(
            """{"item":"a","annotator":"x","field":"weather","label":"clear"}""",
            """{"item":"a","annotator":"","field":"weather","label":"rain"}""");

        var run = await CliRun.InvokeAsync("audit", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith($"{Path.GetFileName(file)} line 3, field 'annotator':", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_exits_2_and_names_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl");

        var run = await CliRun.InvokeAsync("audit", missing);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
    }

    internal static async Task<string> WriteDeliveryAsync(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.jsonl");
        const string header = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-1","pipeline":"front-camera-tags","vendor":"acme","taxonomy":{"name":"driving-scenes","version":"1.0.0"},"dataTypes":["frame-tags"]}""";
        await File.WriteAllLinesAsync(path, [header, .. lines]);
        return path;
    }
}
