using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary>
/// The scenarios end to end on Azurite: four ordinary lidar deliveries, then one where every annotator calls
/// 30% of wheelchair users pedestrians (a system error: guideline or taxonomy) and ann-02 alone calls half the
/// cyclists pedestrians (an individual error). The product must name each for what it is, over HTTP.
/// </summary>
public sealed class FindingsApiTests
{
    private const string Pipeline = "scenario-lidar";

    [Fact]
    public async Task Findings_SystemAndIndividualErrorInjected_EachServedAsWhatItIsWithEvidence()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var batches = new List<string>();
        for (var d = 1; d <= 4; d++)
        {
            batches.Add(await DeliverAsync(client, ObjectDeliveryGenerator.Generate(seed: d, $"d-{d}", Pipeline)));
        }

        // Nothing changed across the first four (1% base errors): no system or individual error. The false-alarm rate
        // per delivery is measured in the domain's scenario test (docs/findings.md); these seeds are simply quiet.
        var quiet = await FindingsAsync(client, $"?pipeline={Pipeline}");
        Assert.DoesNotContain(quiet, f => (string?)f["kind"] is "systemError" or "individualError");

        var flawed = await DeliverAsync(client, ObjectDeliveryGenerator.Generate(seed: 5, "d-5", Pipeline, injections:
        [
            new("wheelchair_user", "pedestrian", 0.3),
            new("cyclist", "pedestrian", 0.5, ["ann-02"]),
        ]));

        var open = await FindingsAsync(client, $"?pipeline={Pipeline}&status=open");
        var system = Assert.Single(open, f => (string?)f["kind"] == "systemError");
        Assert.Equal("confusion:wheelchair_user>pedestrian", (string?)system["errorTypeKey"]);
        Assert.Contains(flawed, system["batches"]!.AsArray().Select(b => (string?)b));
        Assert.NotEmpty(system["evidence"]!.AsArray());
        var individual = Assert.Single(open, f => (string?)f["kind"] == "individualError");
        Assert.Equal("confusion:cyclist>pedestrian", (string?)individual["errorTypeKey"]);
        Assert.Equal(["ann-02"], individual["annotators"]!.AsArray().Select(a => (string?)a));
        Assert.Contains(open, f => (string?)f["kind"] == "systematicConfusion" && (string?)f["errorTypeKey"] == "confusion:wheelchair_user>pedestrian");

        var report = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{flawed}/findings");
        var verdict = Assert.Single(report!["errorTypes"]!.AsArray(), t => (string?)t!["type"] == "confusion:wheelchair_user>pedestrian")!;
        Assert.Equal("systemError", (string?)verdict["source"]);
        Assert.Contains("pedestrian", (string?)verdict["statement"], StringComparison.Ordinal);

        var id = (string)system["id"]!;
        using var acknowledged = await client.PostAsJsonAsync($"/api/findings/{id}/status", new { status = "acknowledged" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal("acknowledged", (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/findings/{id}"))!["status"]);
        Assert.DoesNotContain(await FindingsAsync(client, $"?pipeline={Pipeline}&status=open"), f => (string?)f["id"] == id);

        // Five deliveries are fewer than a baseline needs: the chart plots them and says it is warming up, signalling nothing.
        var chart = await client.GetFromJsonAsync<JsonObject>($"/api/pipelines/{Pipeline}/spc/gold-error-rate?class=wheelchair_user");
        Assert.Equal(5, chart!["points"]!.AsArray().Count);
        Assert.Equal(batches.Append(flawed), chart["points"]!.AsArray().Select(p => (string?)p!["batch"]));
        Assert.Equal("WarmingUp", (string?)chart["status"]);
        Assert.Equal(("we", 20), ((string?)chart["rules"], (int)chart["baseline"]!));
        Assert.All(chart["settingsFrom"]!.AsObject(), s => Assert.Equal("default", (string?)s.Value));
        Assert.Empty(chart["signals"]!.AsArray());
        Assert.Equal(200.0, (double)chart["points"]![4]!["n"]!);
    }

    [Theory]
    [InlineData("/api/findings?status=closed", HttpStatusCode.BadRequest)]
    [InlineData("/api/findings?kind=typo", HttpStatusCode.BadRequest)]
    [InlineData("/api/findings/not-an-id", HttpStatusCode.BadRequest)]
    [InlineData("/api/findings/0123456789abcdef0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData("/api/pipelines/lidar/spc/f1", HttpStatusCode.NotFound)]
    [InlineData("/api/pipelines/lidar/spc/alpha?chart=p", HttpStatusCode.BadRequest)]
    [InlineData("/api/pipelines/lidar/spc/alpha?rules=weco", HttpStatusCode.BadRequest)]
    [InlineData("/api/pipelines/lidar/spc/alpha?baseline=1", HttpStatusCode.BadRequest)]
    public async Task BadQuery_IsAProblemNamingTheParameter(string path, HttpStatusCode expected)
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> DeliverAsync(HttpClient client, string delivery)
    {
        var submitted = await BatchApiTests.SubmitAsync(client, delivery);
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);
        Assert.Equal("Completed", (string?)batch["status"]);
        return (string)submitted["id"]!;
    }

    private static async Task<List<JsonObject>> FindingsAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonObject>("/api/findings" + query))!["findings"]!.AsArray().Select(f => f!.AsObject())];
}
