using System.Text.Json.Nodes;
using Quality.Tests.Shared;
using Quality.Tests.Shared.Reports;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality audit</c>'s root causes on the cuboid sample, whose flaws samples/README.md designs.</summary>
public sealed class AuditRootCausesTests
{
    [Fact]
    public async Task Lidar_sample_names_its_designed_flaws_as_individual_and_raises_nothing_structural()
    {
        var html = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            var run = await CliRun.InvokeAsync("audit", Repository.Sample("front-lidar-cuboids.jsonl"), "--json", "--html", html);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            var ranked = JsonNode.Parse(run.Output)!["rootCauses"]!["ranked"]!.AsArray();
            // ann-02 misses about 40% of pedestrians: 36 of 71, against 5 and 17 of 71 for ann-01 and ann-03.
            var pedestrians = Single(ranked, "missed", "class = pedestrian");
            Assert.Equal(("individual", "ann-02"), ((string?)pedestrians["source"], (string?)pedestrians["individuals"]![0]));
            Assert.Equal("size = 0–1 m³", (string?)pedestrians["sameAs"]![0]);
            // ann-03 labels every cyclist a pedestrian: all 40 misclassified cyclists are theirs.
            var cyclists = Single(ranked, "misclassified", "class = cyclist");
            Assert.Equal(("individual", "ann-03", 40L, 40L), ((string?)cyclists["source"], (string?)cyclists["individuals"]![0],
                (long)cyclists["annotators"]!["perAnnotator"]!.AsArray().Single(a => (string?)a!["annotator"] == "ann-03")!["errors"]!, (long)cyclists["errors"]!));
            Assert.DoesNotContain(ranked, c => (string?)c!["source"] == "system");
            Assert.All(ranked, c => Assert.True((double)c!["qValue"]! <= 0.05));
            var page = new ReportPage(await File.ReadAllTextAsync(html));
            page.AssertChartsTitled();
            Assert.Equal(Math.Min(10, ranked.Count), ReportPage.Marks(page.Chart("root-causes"), "ci").Count);
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public async Task Text_lists_the_strongest_concentrations_first()
    {
        var run = await CliRun.InvokeAsync("audit", Repository.Sample("front-lidar-cuboids.jsonl"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("  where errors concentrate (", StringComparison.Ordinal));
        Assert.True(heading > 0, run.Output);
        Assert.StartsWith("    1. ", lines[heading + 1], StringComparison.Ordinal);
        Assert.Contains("— individual; coach them on", lines[heading + 1], StringComparison.Ordinal);
    }

    private static JsonNode Single(JsonArray ranked, string kind, string where) => Assert.Single(ranked, c =>
        (string?)c!["errorKind"] == kind && string.Join(" and ", c["where"]!.AsArray().Select(w => $"{w!["stratum"]} = {w["level"]}")) == where)!;
}
