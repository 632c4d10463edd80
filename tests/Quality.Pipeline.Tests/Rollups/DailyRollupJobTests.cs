using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Quality.Pipeline.Rollups;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Rollups;

public sealed class DailyRollupJobTests
{
    [Fact]
    public async Task Run_TwoDeliveriesOnTheDayAndOneRejected_AggregatesPerPipeline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T09:00:00Z", CultureInfo.InvariantCulture));
        await using var pipeline = await TestPipeline.StartAsync(time: time);
        var a = await pipeline.DeliverAsync("v/a.jsonl", DeliveryGenerator.Generate(items: 30, seed: 1, deliveryId: "a"));
        var b = await pipeline.DeliverAsync("v/b.jsonl", DeliveryGenerator.Generate(items: 40, seed: 2, deliveryId: "b"));
        var c = await pipeline.DeliverAsync("v/c.jsonl", "not a delivery\n");
        foreach (var runId in new[] { a, b, c })
        {
            await pipeline.AuditAsync(runId);
        }

        time.Advance(TimeSpan.FromDays(1)); // a batch of the next day must not count
        await pipeline.DeliverAndAuditAsync("v/d.jsonl", DeliveryGenerator.Generate(items: 10, seed: 3, deliveryId: "d"));

        var rollups = await pipeline.Get<DailyRollupJob>().RunAsync(new DateOnly(2026, 11, 24), CancellationToken.None);

        var alphaA = (await pipeline.RunAsync(a)).Metrics!.KrippendorffAlpha;
        var alphaB = (await pipeline.RunAsync(b)).Metrics!.KrippendorffAlpha;
        var tests = Assert.Single(rollups.Pipelines, r => r.Pipeline == "test-pipeline").Total;
        Assert.Equal(2, tests.VendorDeliveries);
        Assert.Equal(70, tests.Items);
        Assert.Equal(2, tests.Statuses["Completed"]);
        Assert.Equal(new[] { alphaA, alphaB }.Order(), tests.Agreement.Select(a => a.Value!.Value).Order()); // each delivery's own alpha, never their mean
        var unknown = Assert.Single(rollups.Pipelines, r => r.Pipeline == "(unknown)");
        Assert.Equal(1, unknown.Total.Statuses["Rejected"]);
        var stored = await pipeline.Get<StoredBriefs>().ReadAsync(new DateOnly(2026, 11, 24), CancellationToken.None);
        Assert.Equal(rollups.Pipelines.Select(r => (r.Pipeline, r.Total.VendorDeliveries, r.Total.Items)), stored!.Pipelines.Select(r => (r.Pipeline, r.Total.VendorDeliveries, r.Total.Items)));
    }

    [Fact]
    public async Task Run_UnderACommaDecimalCulture_LogsTheDayAsIso8601()
    {
        using var culture = CommaDecimalCulture.Use();
        var logs = new CapturedLogs();
        await using var pipeline = await TestPipeline.StartAsync(logs: logs);

        await pipeline.Get<DailyRollupJob>().RunAsync(new DateOnly(2026, 11, 24), CancellationToken.None);

        Assert.Contains("Daily rollup 2026-11-24: 0 batches in 0 pipelines", logs.Messages);
    }
}
