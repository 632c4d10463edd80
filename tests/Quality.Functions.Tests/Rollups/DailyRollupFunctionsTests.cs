using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Quality.Functions.Tests.Api;
using Quality.Functions.Tests.EndToEnd;
using Quality.LocalHost.Catalog;
using Quality.LocalHost.Invocation;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Rollups;

/// <summary>The timer path of the daily rollup: DailyRollup starts RollupDay once per day, which computes and stores it.</summary>
public sealed class DailyRollupFunctionsTests
{
    [Fact]
    public async Task DailyRollup_TimerFiresTwice_OneRollupDayForYesterday()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        var yesterday = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await FireTimerAsync(app);
        var first = await WaitForEndAsync(app, "rollup-" + yesterday);
        await FireTimerAsync(app);
        var second = await app.Get<DurableTaskClient>().GetInstanceAsync("rollup-" + yesterday);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, first.RuntimeStatus);
        Assert.Equal(0, first.ReadOutputAs<int>()); // a new storage prefix: no pipeline delivered anything yesterday
        Assert.Equal(first.CreatedAt, second!.CreatedAt);
    }

    [Fact]
    public async Task RollupDay_ForToday_StoresTheDayAsThePostDoes()
    {
        await using var app = await QualityApp.StartAsync(processing: true);
        using var client = app.CreateClient();
        var submitted = await BatchApiTests.SubmitAsync(client, DeliveryGenerator.Generate(items: 80, seed: 12, pipeline: "timer-pipeline"));
        var batch = await LocalHostTests.WaitForEndAsync(client, (string)submitted["id"]!);
        var day = DateTimeOffset.Parse((string)batch["createdTime"]!, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await app.Get<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync("RollupDay", day, new StartOrchestrationOptions("rollup-" + day));
        var ended = await WaitForEndAsync(app, "rollup-" + day);

        Assert.Equal(1, ended.ReadOutputAs<int>());
        var stored = await client.GetFromJsonAsync<JsonObject>($"/api/rollups/daily?date={day}");
        var pipeline = Assert.Single(stored!["pipelines"]!.AsArray())!;
        Assert.Equal(("timer-pipeline", 1, 80L), ((string?)pipeline["pipeline"], (int)pipeline["total"]!["vendorDeliveries"]!, (long)pipeline["total"]!["items"]!));
    }

    private static async Task FireTimerAsync(QualityApp app)
    {
        var timer = app.Get<FunctionCatalog>().OfKind(TriggerKind.Timer).Single(f => f.Name == "DailyRollup");
        await app.Get<FunctionInvoker>().InvokeAsync(timer, new TimerInfo(), new Dictionary<string, object?>(), CancellationToken.None);
    }

    private static Task<OrchestrationMetadata> WaitForEndAsync(QualityApp app, string instanceId) =>
        Eventually.UntilAsync(async () =>
            await app.Get<DurableTaskClient>().GetInstanceAsync(instanceId, getInputsAndOutputs: true) is { IsCompleted: true } ended ? ended : null,
            $"orchestration {instanceId}", TimeSpan.FromSeconds(60));
}
