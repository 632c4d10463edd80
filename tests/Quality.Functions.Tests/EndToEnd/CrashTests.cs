using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using Quality.Domain.Audit;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;
using Xunit.Abstractions;

namespace Quality.Functions.Tests.EndToEnd;

/// <summary>
/// The dev host killed with SIGKILL at random moments while deliveries are audited, and started again: every delivery
/// still ends Completed exactly once with the figures the offline audit computes, and work resumes within a minute.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Deliveries = 8;
    private const int Kills = 10;

    [Fact]
    public async Task DevHost_KilledTenTimesDuringEightDeliveries_EachCompletedOnceWithOfflineFigures()
    {
        // An observer on the same storage and task hub: it reads, and processes nothing itself.
        var settings = new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "400000" };
        await using var observer = await QualityApp.StartAsync(processing: false, settings);
        var hostSettings = observer.SettingsForProcessingHost();

        // The dev host's own recovery settings (appsettings.json), not the tests' faster polling; two activities at a
        // time, so a delivery's shards take long enough for kills to land among them.
        hostSettings.Remove("Durable:MaxQueuePollingInterval");
        hostSettings["Durable:MaxConcurrentActivityFunctions"] = "2";
        var deliveries = Enumerable.Range(0, Deliveries)
            .Select(i => (Name: $"crash/acme/d-{i}.jsonl", Content: DeliveryGenerator.Generate(items: 15000 + 1000 * i, seed: 300 + i, deliveryId: $"d-{i}")))
            .ToList();
        var incoming = observer.Get<StorageClients>().Container(observer.Prefix + "-incoming");
        var runIds = new List<string>();
        var random = new Random(2026);
        var interrupted = 0;
        var resumed = new List<TimeSpan>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            var atStart = await StatusesAsync(observer, runIds);
            var life = Stopwatch.StartNew();
            await using var host = HostProcess.Start(hostSettings, $"host-{kill}");
            // A delivery lands during each of the first eight lives, so there is always new work as well as interrupted work.
            if (kill <= Deliveries)
            {
                var (name, content) = deliveries[kill - 1];
                await incoming.GetBlobClient(name).UploadAsync(BinaryData.FromString(content));
                var blob = await observer.Get<BlobDeliveryStore>().GetAsync(name, CancellationToken.None);
                runIds.Add(RunIds.For(name, blob!.ContentKey));
                atStart = [.. atStart, null];
            }

            // Kill at a random moment just after this life's delivery is ingested (among its shards or in finalize), or,
            // once every delivery has landed, just after an interrupted one moves on.
            Func<RunStatus?[], bool> moved = kill <= Deliveries
                ? now => now[^1] is RunStatus.Running or RunStatus.Completed
                : now => Advanced(atStart, now);
            if (atStart.Any(s => s != RunStatus.Completed))
            {
                await Eventually.UntilAsync(async () => moved(await StatusesAsync(observer, runIds)) ? "moved" : null,
                    $"progress in life {kill}\n{host.Output}", TimeSpan.FromSeconds(60));
                resumed.Add(life.Elapsed);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * random.NextDouble()));
            var statuses = await StatusesAsync(observer, runIds);
            await host.KillAsync();
            interrupted += statuses.Any(s => s is RunStatus.Pending or RunStatus.Running) ? 1 : 0;
            output.WriteLine($"kill {kill} after {life.Elapsed.TotalSeconds:0.0} s: {Describe(statuses)}");
        }

        var clock = Stopwatch.StartNew();
        var before = await StatusesAsync(observer, runIds);
        await using var last = HostProcess.Start(hostSettings, "host-last");
        var firstProgress = await Eventually.UntilAsync(async () =>
            (await StatusesAsync(observer, runIds)).SequenceEqual(before) && before.Any(s => s != RunStatus.Completed) ? null : (object)clock.Elapsed,
            "progress after the last restart", TimeSpan.FromSeconds(60));
        var ended = await Eventually.UntilAsync(async () =>
            (await StatusesAsync(observer, runIds)).All(s => s is RunStatus.Completed or RunStatus.Failed or RunStatus.Rejected) ? (object)clock.Elapsed : null,
            "every delivery ending", TimeSpan.FromSeconds(180));
        output.WriteLine($"after the last restart: {Describe(before)}; first progress {(TimeSpan)firstProgress:g}, all ended {(TimeSpan)ended:g}");
        output.WriteLine($"first progress per life (s): {string.Join(", ", resumed.Select(t => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))}");

        // Most kills landed while a delivery was in flight (some find it just completed: the kill is random, not aimed).
        Assert.True(interrupted > Kills / 2, $"only {interrupted} of {Kills} kills found a delivery in progress");
        Assert.All(resumed, t => Assert.True(t < TimeSpan.FromSeconds(60), $"a restarted host took {t} to resume"));
        var durable = observer.Get<DurableTaskClient>();
        for (var i = 0; i < Deliveries; i++)
        {
            var run = (await observer.Get<TableRunStore>().GetAsync(runIds[i], CancellationToken.None))!;
            Assert.True(run.Status == RunStatus.Completed, $"{deliveries[i].Name}: {run.Status} {run.Reason}\n{last.Output}");
            var history = await observer.Get<TableRunStore>().ListHistoryAsync(runIds[i], CancellationToken.None);
            Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Completed], history.Select(h => h.Status));
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(deliveries[i].Content));
            var offline = (await DeliveryAuditor.AuditAsync(stream, "offline", CancellationToken.None)).Metrics;
            Assert.Equal(offline.KrippendorffAlphaNominal, run.Metrics!.KrippendorffAlphaNominal);
            Assert.Equal((offline.Items, offline.Annotations), (run.Metrics.Items, run.Metrics.Annotations));
            var instance = await Eventually.UntilAsync(async () => await durable.GetInstanceAsync(runIds[i]) is { IsCompleted: true } done ? done : null,
                $"the end of audit {i}", TimeSpan.FromSeconds(60));
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        }

        var listed = await observer.Get<TableBatchStore>().ListAsync(null, 100, null, CancellationToken.None);
        Assert.Equal(Deliveries, listed.Batches.Count);
        // Finalize's side effects once each: one point per delivery in the pipeline's alpha series, none repeated.
        var alpha = await observer.Get<TableSeriesStore>().ReadAsync(
            new SeriesKey("test-pipeline", MonitoredMetric.Alpha.Name, null, null), CancellationToken.None);
        Assert.Equal(runIds.Order(StringComparer.Ordinal), alpha.Select(p => p.BatchId).Order(StringComparer.Ordinal));
    }

    /// <summary>A run moved on from Pending or Running since <paramref name="before"/>.</summary>
    private static bool Advanced(RunStatus?[] before, RunStatus?[] now) =>
        before.Zip(now).Any(p => p.First is RunStatus.Pending or RunStatus.Running && p.Second != p.First);

    private static async Task<RunStatus?[]> StatusesAsync(QualityApp observer, IReadOnlyList<string> runIds)
    {
        var runs = observer.Get<TableRunStore>();
        return await Task.WhenAll(runIds.Select(async id => (await runs.GetAsync(id, CancellationToken.None))?.Status));
    }

    private static string Describe(IEnumerable<RunStatus?> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s?.ToString() ?? "unseen").Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
}
