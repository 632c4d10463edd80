using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Quality.Functions.Access;
using Quality.Functions.Tests.Access;
using Quality.Functions.Tests.Api;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;
using Xunit.Abstractions;
using Injection = Quality.Tests.Shared.ObjectDeliveryGenerator.Injection;

namespace Quality.Functions.Tests.Browser;

/// <summary>
/// The dashboard, a batch report and the daily brief in a real browser (headless Chromium) against the dev host on
/// Kestrel and Azurite, with real batches: what a person sees, every chart drawn with its marks, no console error and no
/// failed request; screenshots saved as test artifacts (<see cref="Screenshots"/>).
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string Lidar = "front-lidar-cuboids";

    [Fact]
    public async Task Dashboard_InChromium_LinksToReportsChartsEverySeriesAndLetsAReviewerAcknowledgeAFinding()
    {
        var clock = Stopwatch.StartNew();
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var batches = await SeedAsync(client);
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await client.PostAsync($"/api/rollups/daily?date={today}", null)).EnsureSuccessStatusCode();
        var seeded = clock.Elapsed;

        await using var chromium = await Chromium.LaunchAsync(client.BaseAddress!);
        var page = await chromium.Context.NewPageAsync();
        var problems = new PageProblems(page);

        // The dashboard: pipelines → vendors → batches with verdict badges, a control chart per pipeline, open findings.
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)(await page.GotoAsync("/"))!.Status);
        Assert.Equal("Annotation quality by pipeline", await page.InnerTextAsync("h1"));
        Assert.Equal(["browser-tags", Lidar, "scenario"], await page.Locator("section.pipeline").EvaluateAllAsync<string[]>("s => s.map(e => e.dataset.pipeline)"));
        Assert.Equal(batches.Count, await page.Locator("a.report").CountAsync());
        var lidar = page.Locator($"section.pipeline[data-pipeline='{Lidar}']");
        Assert.Equal(["Rejected", "Rejected"], await lidar.Locator("table.batches .badge").AllInnerTextsAsync());
        foreach (var section in await page.Locator("section.pipeline").AllAsync())
        {
            var chart = section.Locator("figure.chart svg[role='img']");
            Assert.Equal(1, await chart.CountAsync());
            Assert.Equal(1, await chart.Locator("g.marked").CountAsync()); // the newest delivery, marked once
        }

        await Screenshots.SaveAsync(page, "dashboard");

        // A reviewer (here the local admin of Open mode) acknowledges a finding from the page, through the JSON API.
        var form = page.Locator("form.finding-status").First;
        var finding = await form.GetAttributeAsync("data-finding");
        await form.Locator("select").SelectOptionAsync("acknowledged");
        await form.Locator("button").ClickAsync();
        await Assertions.Expect(form.Locator("output")).ToHaveTextAsync("saved: acknowledged");
        Assert.Equal("acknowledged", (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/findings/{finding}"))!["status"]);

        // Follow a batch's link to its report: the verdict, and every chart drawn with as many marks as its data table has rows.
        await lidar.Locator("a.report").First.ClickAsync();
        await page.WaitForURLAsync("**/api/batches/*/report");
        Assert.Equal("Rejected", await page.InnerTextAsync(".verdict .outcome"));
        var charts = await AssertChartsDrawnAsync(page);
        Assert.True(charts >= 6, $"{charts} charts in the report");
        await Screenshots.SaveAsync(page, "report");

        // The daily brief: the day's risks, rates with intervals per vendor, agreement per delivery.
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)(await page.GotoAsync($"/api/rollups/daily/report?date={today}"))!.Status);
        Assert.Equal($"{today} (UTC)", await page.InnerTextAsync("h1"));
        Assert.Equal(3, await page.Locator("#risks ol.risks li").CountAsync());
        Assert.Equal(2, await page.Locator($"#figure-gold-{Lidar} svg g.ci").CountAsync()); // acme-labeling and all vendors: the day (no history yet)
        Assert.Equal(2, await page.Locator("#figure-agreement-browser-tags svg g.ci").CountAsync()); // each delivery's alpha with its interval
        await AssertChartsDrawnAsync(page);
        await Screenshots.SaveAsync(page, "brief");

        Assert.Empty(problems.All);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {batches.Count} batches and the brief in {seeded.TotalSeconds:0.0} s; Chromium pages and checks in {(clock.Elapsed - seeded).TotalSeconds:0.0} s; screenshots in {Screenshots.Folder}"));
    }

    [Fact]
    public async Task Dashboard_ForAReader_ShowsFindingsWithoutControls_AndForAReviewerWithThem()
    {
        await using var open = await QualityApp.StartAsync(processing: true);
        using var seeding = open.CreateClient();
        await DeliverAsync(seeding, IndividualErrors());
        await using var app = await QualityApp.StartAsync(processing: false, Principals.RolesMode(), sharing: open);
        using var client = app.CreateClient();
        await using var chromium = await Chromium.LaunchAsync(client.BaseAddress!);
        var page = await chromium.Context.NewPageAsync();
        var problems = new PageProblems(page);

        await page.SetExtraHTTPHeadersAsync([new(ClientPrincipal.Header, Principals.Header("Rita Reader", "id-reader", "quality.reader"))]);
        await page.GotoAsync("/");
        var asReader = (await page.Locator("form.finding-status").CountAsync(), await page.Locator("span.finding-status").CountAsync(), await page.InnerTextAsync("#caller"));
        await page.SetExtraHTTPHeadersAsync([new(ClientPrincipal.Header, Principals.Header("Rob Reviewer", "id-reviewer", "quality.reviewer"))]);
        await page.GotoAsync("/");
        var asReviewer = await page.Locator("form.finding-status").CountAsync();

        Assert.Equal(0, asReader.Item1);
        Assert.True(asReader.Item2 > 0, "the reader sees the findings' status");
        Assert.Equal("Rita Reader (quality.reader)", asReader.Item3);
        Assert.Equal(asReader.Item2, asReviewer);
        Assert.Empty(problems.All);
    }

    /// <summary>Every figure's SVG is an image with a title, and has a mark per row of its data table where its kind draws one.</summary>
    private static async Task<int> AssertChartsDrawnAsync(IPage page)
    {
        var figures = await page.Locator("figure.chart").AllAsync();
        foreach (var figure in figures)
        {
            var svg = figure.Locator("svg[role='img']");
            Assert.Equal(1, await svg.CountAsync());
            Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("title").First.TextContentAsync()));
            Assert.True((await svg.BoundingBoxAsync())!.Width > 100, "the chart is laid out");
            var headers = await figure.Locator("details.data thead th").AllTextContentsAsync(); // text content: a closed <details> is not rendered
            var rows = await figure.Locator("details.data tbody tr").AllAsync();
            if (headers.Contains("95% CI"))
            {
                // A forest plot: one interval bar (g.ci) per row that has an interval.
                var column = headers.ToList().IndexOf("95% CI");
                var withInterval = 0;
                foreach (var row in rows)
                {
                    withInterval += (await row.Locator("td").Nth(column).TextContentAsync())!.Trim() == "none" ? 0 : 1;
                }

                Assert.Equal(withInterval, await svg.Locator("g.ci").CountAsync());
            }
            else if (await svg.Locator("g.cell").CountAsync() is var cells and > 0)
            {
                Assert.Equal(rows.Count * (headers.Count - 1), cells); // a heat map: a cell per row and column
            }
            else if (await svg.Locator("g.annotator").CountAsync() is var annotators and > 0)
            {
                Assert.Equal(rows.Count, annotators); // a funnel plot: a mark per annotator
            }
            else
            {
                var id = await figure.GetAttributeAsync("id");
                Assert.True(await svg.Locator("g.marked").CountAsync() == 1, $"{id}: a control chart marks its batch once"); // a control chart
            }
        }

        return figures.Count;
    }

    /// <returns>The completed batches: the lidar sample twice under its standard (both rejected), a delivery with an individual error, two tag deliveries.</returns>
    private static async Task<List<string>> SeedAsync(HttpClient client)
    {
        var standard = await File.ReadAllTextAsync(Repository.Sample($"standards/{Lidar}.yaml"));
        (await client.PutAsync($"/api/standards/{Lidar}", new StringContent(standard, Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        var sample = await File.ReadAllTextAsync(Repository.Sample($"{Lidar}.jsonl"));
        return
        [
            await DeliverAsync(client, sample),
            await DeliverAsync(client, sample.Replace("\"deliveryId\":\"2026-11-26-lidar-001\"", "\"deliveryId\":\"2026-11-26-lidar-002\"", StringComparison.Ordinal)),
            await DeliverAsync(client, IndividualErrors()),
            await DeliverAsync(client, DeliveryGenerator.Generate(items: 60, seed: 31, pipeline: "browser-tags", deliveryId: "tags-1")),
            await DeliverAsync(client, DeliveryGenerator.Generate(items: 60, seed: 32, pipeline: "browser-tags", deliveryId: "tags-2")),
        ];
    }

    /// <summary>Cuboids where one annotator calls most pedestrians cyclists: an individual error, an open finding.</summary>
    private static string IndividualErrors() => ObjectDeliveryGenerator.Generate(seed: 33, "s-1",
        injections: [new Injection("pedestrian", "cyclist", 0.6, [ObjectDeliveryGenerator.Annotator(1)])]);

    private static async Task<string> DeliverAsync(HttpClient client, string delivery)
    {
        var submitted = await BatchApiTests.SubmitAsync(client, delivery);
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);
        Assert.True((string?)batch["status"] == "Completed", batch.ToJsonString());
        return (string)submitted["id"]!;
    }
}
