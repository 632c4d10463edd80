using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Quality.Cli;
using Quality.Functions.Tests.Api;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;
using Quality.Tests.Shared.Reports;

namespace Quality.Functions.Tests.Reports;

/// <summary><c>GET /api/batches/{id}/report</c> on the dev host over HTTP: the shipped cuboid sample, twice, under its standard.</summary>
public sealed class ReportApiTests
{
    private const string Pipeline = "front-lidar-cuboids";

    [Fact]
    public async Task Report_OfTheCuboidSample_ShowsTheFiguresOfItsJsonAndChartsTheSeriesWithTheBatchMarked()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var standard = await File.ReadAllTextAsync(Repository.Sample("standards/front-lidar-cuboids.yaml"));
        using (var published = await client.PutAsync($"/api/standards/{Pipeline}", new StringContent(standard, Encoding.UTF8, "application/yaml")))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        var delivery = await File.ReadAllTextAsync(Repository.Sample("front-lidar-cuboids.jsonl"));
        await DeliverAsync(client, delivery);
        var id = await DeliverAsync(client, delivery.Replace("\"deliveryId\":\"2026-11-26-lidar-001\"", "\"deliveryId\":\"2026-11-26-lidar-002\"", StringComparison.Ordinal));

        using var response = await client.GetAsync($"/api/batches/{id}/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var page = new ReportPage(await response.Content.ReadAsStringAsync());
        page.AssertSelfContained();
        page.AssertChartsTitled();
        var verdict = (await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/verdict"))!;
        Assert.Equal("rejected", (string?)verdict["outcome"]);
        Assert.Contains("<section class=\"verdict rejected\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("Rejected under front-lidar-cuboids@1.2.0: 2 reject rules of 7 failed", page.Html, StringComparison.Ordinal);
        var audit = (await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/audit"))!;
        page.AssertForestMatches((await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/agreement"))!, audit);
        page.AssertScorecards(audit);
        page.AssertHeatMapMatches((await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}/confusion"))!);

        // The gold error rate series holds both deliveries; this batch is the second, marked.
        var spc = page.Chart("spc-1");
        Assert.Equal("Control chart: gold-error-rate", spc.Element(XName.Get("title", "http://www.w3.org/2000/svg"))!.Value);
        Assert.StartsWith("this batch, delivery 2:", Assert.Single(ReportPage.Marks(spc, "marked")), StringComparison.Ordinal);

        // The same figures make the same charts as the offline audit of the same file, byte for byte.
        var html = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            Assert.Equal(0, await QualityCommand.InvokeAsync(
                ["audit", Repository.Sample("front-lidar-cuboids.jsonl"), "--standard", Repository.Sample("standards/front-lidar-cuboids.yaml"), "--html", html],
                TextWriter.Null, TextWriter.Null, CancellationToken.None));
            var offline = new ReportPage(await File.ReadAllTextAsync(html));
            foreach (var chart in new[] { "verdict-rules", "agreement-forest", "scorecards", "funnel", "confusion", "root-causes" })
            {
                Assert.Equal(offline.Chart(chart).ToString(), page.Chart(chart).ToString());
            }
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public async Task Report_IsRefusedAsTheOtherBatchReports_400Malformed_404Unknown_409NotCompleted()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var submitted = await BatchApiTests.SubmitAsync(client, DeliveryGenerator.Generate(items: 5, seed: 7));
        await app.ArriveAsync((string)submitted["blobName"]!);

        using var malformed = await client.GetAsync("/api/batches/not-an-id/report");
        using var unknown = await client.GetAsync($"/api/batches/{new string('0', 32)}/report");
        using var pending = await client.GetAsync($"/api/batches/{submitted["id"]}/report");

        Assert.Equal(
            (HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict),
            (malformed.StatusCode, unknown.StatusCode, pending.StatusCode));
        Assert.Equal("Pending", (string?)(await pending.Content.ReadFromJsonAsync<JsonObject>())!["batchStatus"]);
    }

    private static async Task<string> DeliverAsync(HttpClient client, string delivery)
    {
        var submitted = await BatchApiTests.SubmitAsync(client, delivery);
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);
        Assert.True((string?)batch["status"] == "Completed", batch.ToJsonString());
        return (string)submitted["id"]!;
    }
}
