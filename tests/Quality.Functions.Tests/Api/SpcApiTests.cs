using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary>The SPC API charts a series under the pipeline's standard's <c>spc</c> section unless the query says otherwise, on Azurite.</summary>
public sealed class SpcApiTests
{
    private const string Pipeline = "spc-standard";
    private const string From = "standard spc-standard@1.0.0";

    private const string Standard = """
        standard: spc-standard
        version: 1.0.0
        rules:
          - metric: gold-error-rate
            max: 0.5
            severity: finding
        spc:
          rules: nelson
          baseline: 2
          charts: { mean-iou: ewma }
        """;

    [Fact]
    public async Task Chart_StandardSetsRulesBaselineAndChart_UsedWhereTheQueryGivesNoneAndSaysWhereEachCameFrom()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        using (var published = await client.PutAsync($"/api/standards/{Pipeline}", new StringContent(Standard, Encoding.UTF8, "application/yaml")))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        }

        for (var d = 1; d <= 3; d++)
        {
            var submitted = await BatchApiTests.SubmitAsync(client, ObjectDeliveryGenerator.Generate(seed: d, $"d-{d}", Pipeline));
            Assert.Equal("Completed", (string?)(await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!))["status"]);
        }

        // The query wins everywhere: three deliveries in a 3-delivery baseline are one Phase I chart, centred on their mean
        // (with three points none can be beyond x̄ ± 3·MR̄/1.128, so none is excluded).
        var queried = await ChartAsync(client, "mean-iou?chart=imr&rules=we&baseline=3");
        Assert.Equal(("imr", "requested", "we", 3), ((string?)queried["chart"], (string?)queried["chartReason"], (string?)queried["rules"], (int)queried["baseline"]!));
        Assert.Equal(("query", "query", "query"), SettingsFrom(queried));
        Assert.Equal("PhaseI", (string?)queried["status"]);
        var values = queried["points"]!.AsArray().Select(p => (double)p!["value"]!).ToList();
        Assert.Equal(3, values.Count);
        Assert.Equal(values.Average(), (double)queried["center"]!, 12);

        // No query: the standard's EWMA chart, Nelson rules and 2-delivery baseline (the default 20 would leave three
        // deliveries warming up). The third is Phase II, judged against x̄ of the first two.
        var standard = await ChartAsync(client, "mean-iou");
        Assert.Equal(("ewma", "set by the " + From, "nelson", 2), ((string?)standard["chart"], (string?)standard["chartReason"], (string?)standard["rules"], (int)standard["baseline"]!));
        Assert.Equal((From, From, From), SettingsFrom(standard));
        Assert.Equal("PhaseII", (string?)standard["status"]);
        Assert.Equal([true, true, false], standard["points"]!.AsArray().Select(p => (bool)p!["inBaseline"]!));
        Assert.Equal((values[0] + values[1]) / 2, (double)standard["center"]!, 12);

        // Only the chart from the query: the standard's baseline still decides the limits.
        var chartOnly = await ChartAsync(client, "mean-iou?chart=imr");
        Assert.Equal((From, From, "query"), SettingsFrom(chartOnly));
        Assert.Equal(2, (int)chartOnly["phases"]![0]!["baselineLength"]!);
        Assert.Equal((values[0] + values[1]) / 2, (double)chartOnly["center"]!, 12);

        // The standard names no chart for gold-error-rate: its kind and dispersion choose, under the standard's rules and baseline.
        var gold = await ChartAsync(client, "gold-error-rate");
        Assert.Equal((From, From, "default"), SettingsFrom(gold));
        Assert.Contains((string?)gold["chart"], (string[])["p", "laney-p"]);
        Assert.Equal("PhaseII", (string?)gold["status"]);
    }

    private static async Task<JsonObject> ChartAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/pipelines/{Pipeline}/spc/{path}"))!;

    private static (string?, string?, string?) SettingsFrom(JsonObject chart) =>
        ((string?)chart["settingsFrom"]!["rules"], (string?)chart["settingsFrom"]!["baseline"], (string?)chart["settingsFrom"]!["chart"]);
}
