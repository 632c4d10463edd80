using System.Text.Json;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality standard validate</c>, and <c>quality audit --standard</c> judging the sample lidar delivery, in process.</summary>
public sealed class StandardCommandTests
{
    private static readonly string Sample = Repository.Sample(Path.Combine("standards", "front-lidar-cuboids.yaml"));
    private static readonly string Lidar = Repository.Sample("front-lidar-cuboids.jsonl");

    [Fact]
    public async Task Validate_Sample_PrintsReferenceAndRulesAndExits0()
    {
        var run = await CliRun.InvokeAsync("standard", "validate", Sample);

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        Assert.Equal("front-lidar-cuboids@1.2.0: 7 rules: valid" + Environment.NewLine, run.Output);
    }

    [Fact]
    public async Task Validate_Typo_NamesLineColumnAndPathAndExits2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"standard-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "standard: s\nversion: 1.0.0\nrules:\n  - metric: alpha\n    feild: weather\n    min: 0.8\n");

        var run = await CliRun.InvokeAsync("standard", "validate", file);

        Assert.Equal((ExitCodes.BadInput, ""), (run.ExitCode, run.Output));
        Assert.StartsWith($"{Path.GetFileName(file)} line 5, column 5, at 'rules[0].feild': unknown key 'feild'", run.Error, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2()
    {
        var run = await CliRun.InvokeAsync("standard", "validate", "no-such-standard.yaml");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no such file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_WithStandard_RejectsOnTheCyclistF1LowerBoundThoughItsEstimateMeetsIt()
    {
        var run = await CliRun.InvokeAsync("audit", Lidar, "--standard", Sample);

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        var lines = run.Output.Split(Environment.NewLine);
        Assert.Contains(
            "  verdict: Rejected under front-lidar-cuboids@1.2.0 (7 rules): failed: gold-recall(pedestrian), gold-f1(cyclist); "
            + "findings: violation-rate(all rules) (not evaluable)", lines);
        Assert.Contains("    [failed] gold-f1(cyclist) = 0.8, 95% CI [0.737, 0.851], n = 135 objects: lower bound 0.737 < 0.8 required → reject", lines);
    }

    [Fact]
    public async Task Audit_WithStandard_Json_CarriesTheVerdict()
    {
        var run = await CliRun.InvokeAsync("audit", Lidar, "--standard", Sample, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var verdict = json.RootElement.GetProperty("verdict");
        Assert.Equal(("rejected", "front-lidar-cuboids@1.2.0"), (verdict.GetProperty("outcome").GetString(), verdict.GetProperty("standard").GetString()));
        var cyclist = verdict.GetProperty("reasons")[2];
        Assert.Equal(("gold-f1", "cyclist", "failed"), (cyclist.GetProperty("metric").GetString(), cyclist.GetProperty("subject").GetString(), cyclist.GetProperty("status").GetString()));
        Assert.Equal(0.8, cyclist.GetProperty("lowerBound").GetDouble());
        Assert.Equal(135, cyclist.GetProperty("n").GetInt64());
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("reasons")[6].GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Audit_WithBrokenStandard_Exits2BeforeReadingTheDelivery()
    {
        var file = Path.Combine(Path.GetTempPath(), $"standard-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "standard: s\nversion: 1\nrules:\n  - metric: alpha\n    min: 0.8\n");

        var run = await CliRun.InvokeAsync("audit", Lidar, "--standard", file);

        Assert.Equal((ExitCodes.BadInput, ""), (run.ExitCode, run.Output));
        Assert.StartsWith($"{Path.GetFileName(file)} line 2, column 10, at 'version': '1' is not a version", run.Error, StringComparison.Ordinal);
        File.Delete(file);
    }
}
