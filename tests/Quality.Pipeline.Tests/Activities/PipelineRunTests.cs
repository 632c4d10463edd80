using Quality.Domain.Audit;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Activities;

/// <summary>Whole runs on a real Azurite: arrival, ingest, fan-out, fan-in, finalize.</summary>
public sealed class PipelineRunTests
{
    [Fact]
    public async Task Run_TwentyShards_SameFiguresAsOfflineAudit()
    {
        var delivery = DeliveryGenerator.Generate(items: 2000, seed: 7);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(delivery);
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?>
        {
            ["Pipeline:ShardTargetBytes"] = ((bytes + 19) / 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        var runId = await pipeline.DeliverAsync("test/d-001.jsonl", delivery);
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(20, run.ShardCount);
        Assert.Equal(20, run.WorkDone);
        var offline = await OfflineAsync(delivery);
        Assert.Equal(offline.Items, run.Metrics!.Items);
        Assert.Equal(offline.Annotations, run.Metrics.Annotations);
        Assert.Equal(offline.Annotators, run.Metrics.Annotators);
        // Partials are integer counts merged in shard order: the sharded alpha is bit-identical to the single pass.
        Assert.Equal(offline.KrippendorffAlphaNominal, run.Metrics.KrippendorffAlphaNominal);
        Assert.Equal(offline.PercentAgreement, run.Metrics.PercentAgreement, 12);
        Assert.InRange(run.Metrics.KrippendorffAlphaNominal, 0.1, 0.99);
    }

    [Fact]
    public async Task Run_KrippendorffReferenceData_PublishedNominalAlpha()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var sample = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "krippendorff-2011.jsonl"));

        var runId = await pipeline.DeliverAsync("reference/krippendorff.jsonl", sample);
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Completed, run.Status);
        // Krippendorff (2011): nominal alpha 0.743 on the 4 x 12 reliability data; exactly 113/152.
        Assert.Equal(113.0 / 152, run.Metrics!.KrippendorffAlphaNominal, 12);
        Assert.Equal(0.743, run.Metrics.KrippendorffAlphaNominal, 3);
        // Percent agreement 0.8181818 (irrCAC pa.coeff.raw on the same data).
        Assert.Equal(0.8181818, run.Metrics.PercentAgreement, 7);
        Assert.Equal(12, run.Metrics.Items);
    }

    [Theory]
    // Krippendorff (2011) reliability data with the field declared at each level: 0.815 / 0.849 / 0.797 published.
    [InlineData("ordinal", 108577.0 / 133160)]
    [InlineData("interval", 951.0 / 1120)]
    [InlineData("ratio", 18222619.0 / 22852465)]
    public async Task Run_FieldDeclaredInTheHeader_AlphaAtThatLevelAndTheSuiteStored(string level, double alpha)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var lines = await File.ReadAllLinesAsync(Repository.Sample("krippendorff-2011.jsonl"));
        lines[0] = lines[0][..^1] + ",\"fields\":{\"value\":{\"level\":\"" + level + "\"}}}";

        var runId = await pipeline.DeliverAsync($"reference/{level}.jsonl", string.Join('\n', lines) + "\n");
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Completed, run.Status);
        var field = run.Metrics!.Fields["value"];
        Assert.Equal(alpha, field.KrippendorffAlpha, 12);
        Assert.Equal(113.0 / 152, field.KrippendorffAlphaNominal, 12);
        Assert.InRange(alpha, field.AlphaLower, field.AlphaUpper);
        var report = System.Text.Json.Nodes.JsonNode.Parse((await pipeline.Get<BlobReportStore>().ReadAsync(runId, BlobReportStore.Agreement, CancellationToken.None))!)!;
        Assert.Equal(level, (string?)report["fields"]!["value"]!["level"]);
        Assert.Equal(alpha, (double)report["fields"]!["value"]!["krippendorffAlpha"]!, 12);
    }

    [Fact]
    public async Task Run_EveryMessageDeliveredTwice_ChangesNothing()
    {
        var delivery = DeliveryGenerator.Generate(items: 300, seed: 11);
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "4000" });
        var runId = await pipeline.DeliverAsync("test/dup.jsonl", delivery);

        // Re-send every message of every step a second time, as at-least-once delivery may.
        await pipeline.Pump.DrainAsync(CancellationToken.None);
        var once = await pipeline.RunAsync(runId);
        var queues = pipeline.Get<PipelineQueues>();
        await pipeline.ReportArrivalAsync("test/dup.jsonl");
        await queues.SendIngestAsync(runId, CancellationToken.None);
        for (var shard = 0; shard < once.ShardCount; shard++)
        {
            await queues.SendComputeAsync(Messages.ComputeMessage.For(runId, Messages.WorkKeys.BatchAudit, shard), CancellationToken.None);
        }

        await queues.SendFinalizeAsync(runId, CancellationToken.None);
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var twice = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Completed, twice.Status);
        Assert.Equal(once.WorkTotal, twice.WorkDone);
        Assert.Equal(once.Metrics!.KrippendorffAlphaNominal, twice.Metrics!.KrippendorffAlphaNominal);
        Assert.Equal(once.CompletedTime, twice.CompletedTime);
        var history = await pipeline.Get<TableRunStore>().ListHistoryAsync(runId, CancellationToken.None);
        Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Completed], history.Select(h => h.Status));
        var page = await pipeline.Get<TableBatchStore>().ListAsync(null, 100, null, CancellationToken.None);
        Assert.Single(page.Batches);
    }

    [Fact]
    public async Task Ingest_TwoWorkersIngestTheSameRunAtOnce_OneShardSetWinsAndFiguresAreExact()
    {
        // What two hosts do when both watchers report the same blob: two ingest messages for one pending run.
        var delivery = DeliveryGenerator.Generate(items: 1500, seed: 21);
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "20000" });
        var runId = await pipeline.DeliverAsync("test/concurrent.jsonl", delivery);
        await pipeline.Pump.PumpOnceAsync(Messages.PipelineFunction.OnBatchArrived, CancellationToken.None);
        var ingest = pipeline.Get<Ingest>();
        var message = new Messages.RunMessage(Messages.RunMessage.CurrentVersion, runId);

        await Task.WhenAll(ingest.HandleAsync(message, CancellationToken.None), ingest.HandleAsync(message, CancellationToken.None));
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Completed, run.Status);
        var offline = await OfflineAsync(delivery);
        Assert.Equal(offline.Annotations, run.Metrics!.Annotations);
        Assert.Equal(offline.KrippendorffAlphaNominal, run.Metrics.KrippendorffAlphaNominal);
    }

    [Fact]
    public async Task Arrival_SameBlobUploadedTwice_OneBatch()
    {
        var delivery = DeliveryGenerator.Generate(items: 50, seed: 3);
        await using var pipeline = await TestPipeline.StartAsync();

        var first = await pipeline.DeliverAsync("vendor/same.jsonl", delivery);
        await pipeline.Pump.DrainAsync(CancellationToken.None);
        var second = await pipeline.DeliverAsync("vendor/same.jsonl", delivery);
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        Assert.Equal(first, second);
        var page = await pipeline.Get<TableBatchStore>().ListAsync("test-pipeline", 100, null, CancellationToken.None);
        Assert.Single(page.Batches);
        Assert.Equal(RunStatus.Completed, page.Batches[0].Status);
    }

    [Fact]
    public async Task Arrival_ChangedBlob_NewRun()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var first = await pipeline.DeliverAsync("vendor/changing.jsonl", DeliveryGenerator.Generate(items: 50, seed: 3));
        await pipeline.Pump.DrainAsync(CancellationToken.None);
        var second = await pipeline.DeliverAsync("vendor/changing.jsonl", DeliveryGenerator.Generate(items: 60, seed: 4));
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(50, (await pipeline.RunAsync(first)).Metrics!.Items);
        Assert.Equal(60, (await pipeline.RunAsync(second)).Metrics!.Items);
        var page = await pipeline.Get<TableBatchStore>().ListAsync("test-pipeline", 100, null, CancellationToken.None);
        Assert.Equal([second, first], page.Batches.Select(b => b.BatchId));
    }

    [Fact]
    public async Task Ingest_BadLine_RejectedWithLineAndFieldAndBlobKept()
    {
        var lines = DeliveryGenerator.Generate(items: 20, seed: 5).Split('\n').ToList();
        lines[7] = """{"item":"frame-000002","annotator":"ann-01","field":"weather","label":42}""";
        var delivery = string.Join('\n', lines);
        await using var pipeline = await TestPipeline.StartAsync();

        var runId = await pipeline.DeliverAsync("vendor/bad.jsonl", delivery);
        var before = (await pipeline.IncomingBlob("vendor/bad.jsonl").GetPropertiesAsync()).Value;
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Equal("vendor/bad.jsonl line 8, field 'label': must be a string, not a number", run.Reason);
        var after = (await pipeline.IncomingBlob("vendor/bad.jsonl").GetPropertiesAsync()).Value;
        Assert.Equal(before.ETag, after.ETag);
        var quarantine = pipeline.Storage.Container(pipeline.Storage.Names.Quarantine);
        var copy = await quarantine.GetBlobClient($"{runId}/delivery/vendor/bad.jsonl").DownloadContentAsync();
        Assert.Equal(delivery, copy.Value.Content.ToString());
        var report = (await quarantine.GetBlobClient($"{runId}/error.json").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"line\":8", report, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"label\"", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arrival_BadHeader_RejectedAtOnce()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var runId = await pipeline.DeliverAsync("vendor/no-header.jsonl", """{"item":"a","annotator":"b","label":"c"}""" + "\n");
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Equal("vendor/no-header.jsonl line 1, field 'item': unknown header property", run.Reason);
    }

    [Fact]
    public async Task Sweeper_LostComputeMessages_RedrivesToCompletion()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "3000" }, time);
        var runId = await pipeline.DeliverAsync("vendor/lost.jsonl", DeliveryGenerator.Generate(items: 100, seed: 9));
        await pipeline.Pump.PumpOnceAsync(Messages.PipelineFunction.OnBatchArrived, CancellationToken.None);
        await pipeline.Pump.PumpOnceAsync(Messages.PipelineFunction.Ingest, CancellationToken.None);
        await pipeline.Storage.Queue(pipeline.Storage.Names.Compute).ClearMessagesAsync(); // the fan-out is lost

        var sweeper = pipeline.Get<RunSweeper>();
        Assert.Equal(0, await sweeper.SweepAsync(CancellationToken.None)); // not stale yet
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));
        await pipeline.Pump.DrainAsync(CancellationToken.None);

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(1, run.Redrives);
        Assert.Equal(100, run.Metrics!.Items);
    }

    private static async Task<BatchMetrics> OfflineAsync(string delivery)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivery));
        return (await DeliveryAuditor.AuditAsync(stream, "offline", CancellationToken.None)).Metrics;
    }
}
