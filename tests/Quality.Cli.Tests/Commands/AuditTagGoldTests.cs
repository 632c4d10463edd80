using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

public sealed class AuditTagGoldTests
{
    [Fact]
    public async Task Json_CameraSample_TagGoldSectionWithIndependentFigures()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("front-camera-tags.jsonl"), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var tags = JsonNode.Parse(run.Output)!["tagGold"]!;
        Assert.Equal("time_of_day", (string?)tags["weakestField"]);
        // Independent Python count (see TagGoldAuditTests.CameraSample_AgreesWithAnIndependentComputation):
        // weather ann-03: 30 gold items, 20 right, 3 untagged; kappa 0.533333 over the 27 tagged.
        var weather = tags["fields"]!["weather"]!["perAnnotator"]!["ann-03"]!;
        Assert.Equal(30, (long)weather["compared"]!);
        Assert.Equal(20, (long)weather["correct"]!);
        Assert.Equal(3, (long)weather["missing"]!);
        Assert.Equal(2.0 / 3, (double)weather["accuracy"]!, 12);
        Assert.Equal(0.533333, (double)weather["kappa"]!, 6);
        var confusion = weather["confusion"]!;
        Assert.Equal("missing", (string?)confusion["columns"]!.AsArray()[^1]);
        // Each row sums to the gold items of that value; all rows to the 30 compared.
        Assert.Equal(30, confusion["counts"]!.AsArray().Sum(row => row!.AsArray().Sum(n => (long)n!)));
        Assert.Equal(3, confusion["counts"]!.AsArray().Sum(row => (long)row!.AsArray()[^1]!));
    }

    [Fact]
    public async Task Text_CameraSample_TableRowPerFieldAndAnnotator()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("front-camera-tags.jsonl"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // Wilson [0.521242, 0.833353] and kappa 0.511754 ± 1.959964 · 0.126038 from the independent computation.
        Assert.Contains("    time_of_day  ann-03     0.7000 [0.5212, 0.8334]  0.5118 [0.2647, 0.7588]  30        0", run.Output, StringComparison.Ordinal);
        Assert.Contains("    weather      all        0.8000 [0.7059, 0.8696]  0.7454 [0.6213, 0.8695]  90        6", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_DeliveryWithoutGoldTags_HasNoTagGoldSection()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("krippendorff-2011.jsonl"), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var report = JsonNode.Parse(run.Output)!.AsObject();
        Assert.True(report.ContainsKey("tagGold"));
        Assert.Null(report["tagGold"]);
    }
}
