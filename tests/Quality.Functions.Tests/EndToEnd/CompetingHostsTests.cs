using Quality.Domain.Audit;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.EndToEnd;

/// <summary>
/// Two dev host processes on one task hub compete for its work, as Function instances do in Azure: every delivery is
/// audited once, with the offline figures, and both hosts took steps.
/// </summary>
public sealed class CompetingHostsTests
{
    [Fact]
    public async Task TwoHosts_TenDeliveries_EachCompletedOnceAndBothHostsWorked()
    {
        var settings = new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "20000" };
        await using var observer = await QualityApp.StartAsync(processing: false, settings);
        var hostSettings = observer.SettingsForProcessingHost();

        await using var a = HostProcess.Start(hostSettings, "host-a");
        await using var b = HostProcess.Start(hostSettings, "host-b");
        var incoming = observer.Get<StorageClients>().Container(observer.Prefix + "-incoming");
        var deliveries = new List<(string RunId, string Content)>();
        for (var i = 0; i < 10; i++)
        {
            var name = $"shared/acme/d-{i}.jsonl";
            var content = DeliveryGenerator.Generate(items: 600, seed: 100 + i, deliveryId: $"d-{i}");
            await incoming.GetBlobClient(name).UploadAsync(BinaryData.FromString(content));
            var blob = await observer.Get<BlobDeliveryStore>().GetAsync(name, CancellationToken.None);
            deliveries.Add((RunIds.For(name, blob!.ContentKey), content));
        }

        var hosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (runId, content) in deliveries)
        {
            var run = await Eventually.UntilAsync(async () =>
                await observer.Get<TableRunStore>().GetAsync(runId, CancellationToken.None) is { IsTerminal: true } ended ? ended : null,
                $"the end of run {runId}", TimeSpan.FromSeconds(120));
            Assert.True(run.Status == RunStatus.Completed, $"{run.Status}: {run.Reason}\nA: {a.Output}\nB: {b.Output}");
            var history = await observer.Get<TableRunStore>().ListHistoryAsync(runId, CancellationToken.None);
            Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Completed], history.Select(h => h.Status));
            hosts.UnionWith(history.Select(h => h.Host));
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content));
            var offline = (await DeliveryAuditor.AuditAsync(stream, "offline", CancellationToken.None)).Metrics;
            Assert.Equal(offline.KrippendorffAlphaNominal, run.Metrics!.KrippendorffAlphaNominal);
        }

        // Who listed each run, ingested and finalized it: the two processes shared the arrivals and the task hub's work.
        Assert.Equal(["host-a", "host-b"], hosts.Order(StringComparer.Ordinal));
        // Finalize's side effects once each: one point per delivery in the pipeline's alpha series.
        var alpha = await observer.Get<TableSeriesStore>().ReadAsync(
            new SeriesKey("test-pipeline", MonitoredMetric.Alpha.Name, null, null), CancellationToken.None);
        Assert.Equal(deliveries.Select(d => d.RunId).Order(StringComparer.Ordinal), alpha.Select(p => p.BatchId).Order(StringComparer.Ordinal));
    }
}
