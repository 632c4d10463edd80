using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Functions.Tests.EndToEnd;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Api;

/// <summary><c>/api/rollups/daily</c> over real HTTP: the day's brief as JSON and as a page, and a day not computed yet.</summary>
public sealed class RollupApiTests
{
    [Fact]
    public async Task DailyBrief_PostedForToday_ListsTheCompletedBatchWithItsAgreementAndIsStored()
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
        var page = await client.GetStringAsync($"/api/rollups/daily/report?date={today}");

        var day = Assert.Single(stored!["pipelines"]!.AsArray(), p => (string?)p!["pipeline"] == "rollup-pipeline")!["total"]!;
        Assert.Equal((1, 0, 120L), ((int)day["vendorDeliveries"]!, (int)day["reviewDeliveries"]!, (long)day["items"]!));
        Assert.Equal(1, (int)day["statuses"]!["Completed"]!);
        var agreement = Assert.Single(day["agreement"]!.AsArray())!;
        var headline = batch["agreement"]!;
        Assert.Equal((double)headline["krippendorffAlpha"]!, (double)agreement["value"]!);
        Assert.Equal(headline["fields"]![(string)headline["weakestField"]!]!["alphaCi95"]!.ToJsonString(), agreement["ci95"]!.ToJsonString());
        Assert.StartsWith("Krippendorff's alpha (", (string)agreement["statistic"]!, StringComparison.Ordinal);
        Assert.Contains("<h2>rollup-pipeline</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailyBrief_OfADayNotComputed_Is404SayingWhenItWillBe()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        using var client = app.CreateClient();
        var tomorrow = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(1);
        var date = tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var answer = await client.GetAsync($"/api/rollups/daily?date={date}");
        var problem = await answer.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var due = tomorrow.AddDays(1).ToString("yyyy-MM-dd'T'00:30:00'Z'", CultureInfo.InvariantCulture);
        Assert.Equal(due, (string?)problem!["computesAt"]);
        Assert.Equal($"The brief of {date} is not computed yet: the DailyRollup timer computes it at {due}, once the day is over.", (string?)problem["detail"]);
    }
}
