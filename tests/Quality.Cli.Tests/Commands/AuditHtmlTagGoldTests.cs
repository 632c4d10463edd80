using System.Text.Json.Nodes;
using Quality.Tests.Shared;
using Quality.Tests.Shared.Reports;

namespace Quality.Cli.Tests.Commands;

/// <summary>The batch report's section on frame tags against gold, checked against the JSON of the same run.</summary>
public sealed class AuditHtmlTagGoldTests
{
    [Fact]
    public async Task Html_CameraSample_TagTableKappaForestAndWeakestFieldConfusion()
    {
        var html = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            var run = await CliRun.InvokeAsync("audit", Repository.Sample("front-camera-tags.jsonl"), "--json", "--html", html);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            var tags = JsonNode.Parse(run.Output)!["tagGold"]!;
            var page = new ReportPage(await File.ReadAllTextAsync(html));
            page.AssertChartsTitled();
            // The independent computation's time_of_day, ann-03 (TagGoldAuditTests): accuracy 0.700 [0.521, 0.833], κ 0.512 ± 1.96 · 0.126.
            Assert.Contains("<td>time_of_day</td><td>ann-03</td><td class=\"num\">0.700 <span class=\"ci\">[0.521, 0.833]</span></td><td class=\"num\">0.512 <span class=\"ci\">[0.265, 0.759]</span></td>",
                page.Html, StringComparison.Ordinal);
            // One forest row per field and annotator, plus the pooled row of each field: 3 × (3 + 1).
            Assert.Equal(12, ReportPage.Marks(page.Chart("tag-kappa"), "ci").Count);
            // The heat map is the weakest field's pooled confusion, cell for cell.
            var weakest = tags["fields"]![(string)tags["weakestField"]!]!["overall"]!["confusion"]!;
            var counts = weakest["counts"]!.AsArray().SelectMany(row => row!.AsArray().Select(n => (long)n!)).ToList();
            var cells = ReportPage.Marks(page.Chart("tag-confusion"), "cell");
            Assert.Equal(counts, cells.Select(c => long.Parse(c[..c.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Contains(cells, c => c.Contains("left untagged", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public async Task Html_CuboidSample_SaysItHasNoTagsAgainstGold()
    {
        var html = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("audit", Repository.Sample("front-lidar-cuboids.jsonl"), "--html", html)).ExitCode);

            Assert.Contains("<p class=\"missing\">No frame tags against gold: the batch has no frame tag with a gold key to compare with.</p>",
                await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(html);
        }
    }
}
