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
        Assert.Equal(12, (long)report["items"]!);
        Assert.Equal(12, (long)report["counts"]!["items"]!);
        Assert.Equal(4, (long)report["annotators"]!);
        Assert.Equal(41, (long)report["annotations"]!);
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
        Assert.Contains("Krippendorff's alpha (nominal) of the weakest field, value: 0.7434", run.Output, StringComparison.Ordinal);
        Assert.Contains("units 11, pairable values 40", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    // Krippendorff (2011) reliability data at each level: published 0.743 / 0.815 / 0.849 / 0.797, exact fractions.
    [InlineData("nominal", 113.0 / 152)]
    [InlineData("ordinal", 108577.0 / 133160)]
    [InlineData("interval", 951.0 / 1120)]
    [InlineData("ratio", 18222619.0 / 22852465)]
    public async Task Level_option_gives_the_published_alpha_of_that_level(string level, double alpha)
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"), "--json", "--level", $"value={level}");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var field = JsonNode.Parse(run.Output)!["agreement"]!["fields"]!["value"]!;
        Assert.Equal(level, (string?)field["level"]);
        Assert.Equal(alpha, (double)field["krippendorffAlpha"]!, 12);
        // The nominal figure of the previous issue stays whatever the level.
        Assert.Equal(113.0 / 152, (double)field["krippendorffAlphaNominal"]!, 12);
        var ci = field["alphaCi95"]!.AsArray();
        Assert.InRange(alpha, (double)ci[0]!, (double)ci[1]!);
    }

    [Fact]
    public async Task Suite_of_the_reliability_data_has_Gwet_AC1_pairs_classes_and_annotators()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"), "--json");

        var field = JsonNode.Parse(run.Output)!["agreement"]!["fields"]!["value"]!;
        // Same data as irrCAC cac.raw4raters: gwet.ac1.raw 0.77544, SE 0.14295 (irrCAC README).
        Assert.Equal(0.77544, (double)field["gwetAc1"]!, 5);
        Assert.Equal(0.14295, (double)field["estimates"]!["gwetAc1"]!["standardError"]!, 5);
        // Classic Fleiss needs the same number of ratings per unit; here units have 2 to 4: not defined, and said why.
        Assert.Null(field["fleissKappa"]);
        Assert.False(string.IsNullOrEmpty((string?)field["estimates"]!["fleissKappa"]!["undefinedReason"]));
        // 4 observers: 6 pairs, ordered by name; weighted kappas only for ordinal fields.
        var pairs = field["pairwiseCohenKappa"]!.AsArray();
        Assert.Equal(6, pairs.Count);
        Assert.Equal(("observer-A", "observer-B"), ((string?)pairs[0]!["a"], (string?)pairs[0]!["b"]));
        Assert.Null(pairs[0]!["weightedLinear"]);
        Assert.Equal(["1", "2", "3", "4", "5"], field["perClass"]!.AsObject().Select(c => c.Key));
        Assert.Equal(["observer-A", "observer-B", "observer-C", "observer-D"], field["perAnnotator"]!.AsObject().Select(a => a.Key));
        // Value 5 is given 3 times, always together (unit 10): its specific agreement is o_55/n_5 = 1.
        Assert.Equal(1.0, (double)field["perClass"]!["5"]!["specificAgreement"]!);
    }

    [Fact]
    public async Task Csv_ratings_table_gives_the_published_Fleiss_kappa()
    {
        // R irr `diagnoses` (Fleiss 1971), 30 patients x 6 raters: kappam.fleiss 0.4302445, z 17.65183.
        int[][] diagnoses =
        [
            [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3],
            [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
            [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2],
            [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5], [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
            [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
        ];
        var path = Path.Combine(Path.GetTempPath(), $"diagnoses-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, ["item,annotator,field,value", .. diagnoses.SelectMany((row, p) =>
            row.Select((value, r) => $"patient-{p + 1},rater-{r + 1},diagnosis,{value}"))]);

        var run = await CliRun.InvokeAsync("audit", path, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var field = JsonNode.Parse(run.Output)!["agreement"]!["fields"]!["diagnosis"]!;
        Assert.Equal(0.4302445, (double)field["fleissKappa"]!, 7);
        Assert.Equal(17.65183, (double)field["estimates"]!["fleissKappa"]!["z"]!, 5);
        Assert.Equal(30, (long)JsonNode.Parse(run.Output)!["counts"]!["items"]!);
    }

    [Fact]
    public async Task Csv_value_that_is_not_a_number_of_an_interval_field_names_line_and_column()
    {
        var path = Path.Combine(Path.GetTempPath(), $"speeds-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, ["item,annotator,field,value", "f-1,a,speed,3.5", "f-1,b,speed,fast"]);

        var run = await CliRun.InvokeAsync("audit", path, "--level", "speed=interval");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"{Path.GetFileName(path)} line 3, field 'value': 'fast' is not a number", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_level_option_exits_2()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"), "--level", "value=ordered");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--level 'value=ordered'", run.Error, StringComparison.Ordinal);
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
        Assert.Equal("no variation: every pairable value is the same (D_e = 0)", (string?)agreement["fields"]!["weather"]!["alphaUndefinedReason"]);
    }

    [Fact]
    public async Task Text_report_of_undefined_statistics_names_them_and_says_why()
    {
        var file = await WriteDeliveryAsync(
            """{"item":"a","annotator":"x","field":"weather","label":"clear"}""",
            """{"item":"a","annotator":"y","field":"weather","label":"clear"}""");

        var run = await CliRun.InvokeAsync("audit", file);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("NaN", run.Output, StringComparison.Ordinal);
        Assert.Contains("Krippendorff's alpha undefined (no field has a defined alpha); percent agreement 1.0000", run.Output, StringComparison.Ordinal);
        Assert.Contains(
            "field weather: Krippendorff's alpha (nominal) undefined (no variation: every pairable value is the same (D_e = 0)), Fleiss' kappa undefined (",
            run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_under_a_comma_decimal_culture_write_points_and_names_as_they_are()
    {
        using var culture = CommaDecimalCulture.Use();
        var file = await WriteDeliveryAsync(
            """{"item":"Bild-1","annotator":"Jürgen","field":"Fußgänger","label":"ja"}""",
            """{"item":"Bild-1","annotator":"行人","field":"Fußgänger","label":"ja"}""",
            """{"item":"Bild-2","annotator":"Jürgen","field":"Fußgänger","label":"nein"}""",
            """{"item":"Bild-2","annotator":"行人","field":"Fußgänger","label":"ja"}""");

        var text = await CliRun.InvokeAsync("audit", file);
        var json = await CliRun.InvokeAsync("audit", file, "--json");

        // Two units, 3 × "ja" and 1 × "nein": nominal alpha = 1 − (n − 1)·D_o/D_e = 1 − 3·2/(2·3) = 0, by hand; agreement 0.5.
        Assert.Contains("field Fußgänger: Krippendorff's alpha (nominal) 0.0000", text.Output, StringComparison.Ordinal);
        Assert.Contains("percent agreement 0.5000", text.Output, StringComparison.Ordinal);
        Assert.Contains("annotator 行人: 2 values", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("0,5", text.Output, StringComparison.Ordinal);
        Assert.Contains("\"Fußgänger\": {", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"行人\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"percentAgreement\": 0.5", json.Output, StringComparison.Ordinal);
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
