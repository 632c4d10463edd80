using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

public sealed class RollupApiTests
{
    [Fact]
    public async Task DailyRollup_PostedForToday_ListsTheCompletedBatchAndIsStored()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var submitted = await BatchApiTests.SubmitAsync(client, DeliveryGenerator.Generate(items: 120, seed: 8, pipeline: "rollup-pipeline"));
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = DateTimeOffset.Parse((string)batch["createdTime"]!, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(today, created); // (a run started just before midnight UTC would make this test meaningless)

        using var posted = await client.PostAsync($"/api/rollups/daily?date={today}", null);
        posted.EnsureSuccessStatusCode();
        var stored = await client.GetFromJsonAsync<JsonObject>($"/api/rollups/daily?date={today}");

        var day = Assert.Single(stored!["pipelines"]!.AsArray(), p => (string?)p!["pipeline"] == "rollup-pipeline")!;
        Assert.Equal(1, (int)day["deliveries"]!);
        Assert.Equal(120, (long)day["items"]!);
        Assert.Equal(1, (int)day["statusCounts"]!["Completed"]!);
        Assert.Equal((double)batch["agreement"]!["krippendorffAlphaNominal"]!, (double)day["alpha"]!["mean"]!, 12);
        Assert.Equal(1, (int)day["alpha"]!["n"]!);
    }
}
