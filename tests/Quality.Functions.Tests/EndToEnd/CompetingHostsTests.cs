using Quality.Domain.Audit;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.EndToEnd;

/// <summary>Real host processes on one Azurite: killed mid-run, and competing for the same queues.</summary>
public sealed class CompetingHostsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Host_KilledMidRun_SecondHostFinishesWithIdenticalResults()
    {
        var delivery = DeliveryGenerator.Generate(items: 2000, seed: 21);
        var shardBytes = (System.Text.Encoding.UTF8.GetByteCount(delivery) + 19) / 20;
        var extra = new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = shardBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var pipeline = await TestPipeline.StartAsync(extra);
        var settings = Settings(pipeline, extra);
        var runId = await pipeline.DeliverAsync("crash/d.jsonl", delivery);

        // Host A dies (SIGKILL, no clean-up) after its 6th message: arrival, ingest and some computes are done.
        await using (var a = HostProcess.Start(new Dictionary<string, string?>(settings) { ["Local:KillAfterMessages"] = "6" }, "host-a"))
        {
            await a.WaitForExitAsync(Patience);
            Assert.NotEqual(0, a.ExitCode);
        }

        var midway = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Running, midway.Status);
        Assert.InRange(midway.WorkDone, 1, 19);

        await using var b = HostProcess.Start(settings, "host-b");
        var finished = await Eventually.UntilAsync(async () =>
        {
            var run = await pipeline.RunAsync(runId);
            return run.IsTerminal ? run : null;
        }, "completion by host B", Patience);

        Assert.Equal(RunStatus.Completed, finished.Status);
        Assert.Equal(20, finished.WorkDone);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivery));
        var offline = (await DeliveryAuditor.AuditAsync(stream, "offline", CancellationToken.None)).Metrics;
        Assert.Equal(offline.KrippendorffAlphaNominal, finished.Metrics!.KrippendorffAlphaNominal);
        Assert.Equal(offline.Items, finished.Metrics.Items);
        var hosts = (await pipeline.Get<TableRunStore>().ListWorkHostsAsync(runId, CancellationToken.None)).Values.ToHashSet();
        Assert.Equal(["host-a", "host-b"], hosts.Order());
        await AssertCompletedOnceAsync(pipeline, runId);
    }

    [Fact]
    public async Task TwoHosts_TenDeliveries_EachCompletedExactlyOnce()
    {
        var extra = new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "20000" };
        await using var pipeline = await TestPipeline.StartAsync(extra);
        var settings = Settings(pipeline, extra);
        await using var a = HostProcess.Start(settings, "host-a");
        await using var b = HostProcess.Start(settings, "host-b");

        var runIds = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            runIds.Add(await pipeline.DeliverAsync($"shared/d-{i}.jsonl", DeliveryGenerator.Generate(items: 600, seed: 100 + i, deliveryId: $"d-{i}")));
        }

        foreach (var runId in runIds)
        {
            var run = await Eventually.UntilAsync(async () =>
            {
                var current = await pipeline.Get<TableRunStore>().GetAsync(runId, CancellationToken.None);
                return current is { IsTerminal: true } ? current : null;
            }, $"the end of run {runId}", Patience);
            Assert.True(run.Status == RunStatus.Completed, $"{run.Status}: {run.Reason}\nA: {a.Output}\nB: {b.Output}");
            Assert.Equal(run.WorkTotal, run.WorkDone);
            await AssertCompletedOnceAsync(pipeline, runId);
        }

        var store = pipeline.Get<TableRunStore>();
        var workers = new HashSet<string>();
        foreach (var runId in runIds)
        {
            workers.UnionWith((await store.ListWorkHostsAsync(runId, CancellationToken.None)).Values);
        }

        Assert.Equal(["host-a", "host-b"], workers.Order());
    }

    private static Dictionary<string, string?> Settings(TestPipeline pipeline, Dictionary<string, string?> extra)
    {
        var settings = TestPipeline.Settings(pipeline.ConnectionString, pipeline.Prefix);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task AssertCompletedOnceAsync(TestPipeline pipeline, string runId)
    {
        var history = await pipeline.Get<TableRunStore>().ListHistoryAsync(runId, CancellationToken.None);
        Assert.Single(history, h => h.Status == RunStatus.Completed);
        Assert.Equal(RunStatus.Completed, history[^1].Status);
    }
}
