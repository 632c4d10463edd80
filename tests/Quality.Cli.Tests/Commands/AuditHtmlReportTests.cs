using System.Text.Json.Nodes;
using Quality.Tests.Shared;
using Quality.Tests.Shared.Reports;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality audit FILE --html</c>: the batch report of the shipped samples, checked against the JSON of the same run.</summary>
public sealed class AuditHtmlReportTests
{
    [Fact]
    public async Task Html_of_the_cuboid_sample_under_its_standard_has_every_section_and_its_figures()
    {
        var html = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            var run = await CliRun.InvokeAsync("audit", Repository.Sample("front-lidar-cuboids.jsonl"),
                "--standard", Repository.Sample("standards/front-lidar-cuboids.yaml"), "--json", "--html", html);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            var json = JsonNode.Parse(run.Output)!;
            var page = new ReportPage(await File.ReadAllTextAsync(html));
            page.AssertSelfContained();
            page.AssertChartsTitled();
            // The sample is rejected (samples/README.md): pedestrian recall and cyclist F1 fall short of their bounds.
            Assert.Equal("rejected", (string?)json["verdict"]!["outcome"]);
            Assert.Contains("<section class=\"verdict rejected\"", page.Html, StringComparison.Ordinal);
            Assert.Contains("Rejected under front-lidar-cuboids@1.2.0: 2 reject rules of 7 failed — gold-recall(pedestrian) 0.911, whose 95% lower bound 0.865 is below 0.9",
                page.Html, StringComparison.Ordinal);
            Assert.Equal(7, ReportPage.Marks(page.Chart("verdict-rules"), "threshold").Count);
            page.AssertForestMatches(json["agreement"]!, json);
            page.AssertScorecards(json);
            page.AssertHeatMapMatches(json["audit"]!["confusion"]!);
            // ann-03 labels every cyclist a pedestrian: the funnel flags them, and findings say to retrain them.
            Assert.Contains(ReportPage.Marks(page.Chart("funnel"), "annotator"), m => m.StartsWith("ann-03: 45 of 284", StringComparison.Ordinal) && m.EndsWith(", flagged", StringComparison.Ordinal));
            Assert.Contains("Recommended: Retrain ann-03.", page.Html, StringComparison.Ordinal);
            // Offline each series is this delivery alone: the charts are there, this batch marked, with no limits yet.
            var spc = page.Charts.Where(c => ((string)c.Element(System.Xml.Linq.XName.Get("title", "http://www.w3.org/2000/svg"))!.Value).StartsWith("Control chart:", StringComparison.Ordinal)).ToList();
            Assert.Equal(["gold-error-rate", "mean-iou", "alpha"], spc.Select(c => c.Element(System.Xml.Linq.XName.Get("title", "http://www.w3.org/2000/svg"))!.Value["Control chart: ".Length..]));
            Assert.All(spc, c => Assert.Single(ReportPage.Marks(c, "marked")));
            // The standard's Z1.4 plan for 120 units at AQL 1.0, level II: code letter F, n = 13, Ac 0, Re 1.
            Assert.Contains("<dd>II · F</dd>", page.Html, StringComparison.Ordinal);
            Assert.Contains("No lot disposition: offline", page.Html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public async Task Html_without_standard_gold_or_objects_says_what_each_empty_section_lacks()
    {
        var html = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            var run = await CliRun.InvokeAsync("audit", Repository.Sample("front-camera-tags.jsonl"), "--json", "--html", html);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            var page = new ReportPage(await File.ReadAllTextAsync(html));
            page.AssertSelfContained();
            page.AssertChartsTitled();
            page.AssertForestMatches(JsonNode.Parse(run.Output)!["agreement"]!, null);
            foreach (var sentence in new[]
            {
                "No verdict: no quality standard was given",
                "No scorecards: the batch has no boxes or cuboids to compare with gold.",
                "No confusion matrix: the batch has no boxes or cuboids.",
                "No taxonomy violations were counted: no taxonomy file was given",
                "No review sample: no quality standard was given",
            })
            {
                Assert.Contains($"<p class=\"missing\">{sentence}", page.Html, StringComparison.Ordinal);
            }

            Assert.Contains("<section class=\"verdict none\"", page.Html, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(html);
        }
    }
}
