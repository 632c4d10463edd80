using Quality.Domain.Audit;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Monitoring;
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
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(20, run.ShardCount);
        Assert.Equal(Enumerable.Range(0, 20).Select(shard => WorkKeys.For(WorkKeys.BatchAudit, shard)), await PartialsAsync(pipeline, runId));
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
        var run = await pipeline.AuditAsync(runId);

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
        var run = await pipeline.AuditAsync(runId);

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
    public async Task Run_EveryStepExecutedTwice_ChangesNothing()
    {
        // Activities are at-least-once: any step may run again, right after itself or once the run has completed.
        var delivery = DeliveryGenerator.Generate(items: 300, seed: 11);
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "4000" });
        var ingest = pipeline.Get<Ingest>();
        var compute = pipeline.Get<Compute>();
        var finalize = pipeline.Get<Finalize>();
        var runId = await pipeline.DeliverAsync("test/dup.jsonl", delivery);

        Assert.Equal(new Arrival(runId, RunStatus.Pending), await pipeline.ArriveAsync("test/dup.jsonl"));
        var ingested = await ingest.RunAsync(runId, CancellationToken.None);
        Assert.True(ingested.Shards > 1, $"{ingested.Shards} shards");
        var shardSet = (await pipeline.RunAsync(runId)).ShardSet;
        Assert.Equal(ingested, await ingest.RunAsync(runId, CancellationToken.None));
        Assert.Equal(shardSet, (await pipeline.RunAsync(runId)).ShardSet);
        foreach (var kind in WorkKeys.Kinds)
        {
            for (var shard = 0; shard < ingested.Shards; shard++)
            {
                await compute.RunAsync(runId, kind, shard, CancellationToken.None);
                await compute.RunAsync(runId, kind, shard, CancellationToken.None);
            }
        }

        Assert.Equal(RunStatus.Completed, await finalize.RunAsync(runId, CancellationToken.None));
        var once = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Completed, await finalize.RunAsync(runId, CancellationToken.None));
        // And every step once more after the run completed, as a late retry would.
        Assert.Equal(new Arrival(runId, RunStatus.Completed), await pipeline.ArriveAsync("test/dup.jsonl"));
        await pipeline.AuditAsync(runId);

        var twice = await pipeline.RunAsync(runId);
        // The same ETag: not one of the repeats wrote the run again.
        Assert.Equal((RunStatus.Completed, once.ETag, once.CompletedTime), (twice.Status, twice.ETag, twice.CompletedTime));
        var offline = await OfflineAsync(delivery);
        Assert.Equal((offline.Items, offline.Annotations, offline.KrippendorffAlphaNominal),
            (twice.Metrics!.Items, twice.Metrics.Annotations, twice.Metrics.KrippendorffAlphaNominal));
        Assert.Equal(ingested.Shards, (await PartialsAsync(pipeline, runId)).Count);
        var history = await pipeline.Get<TableRunStore>().ListHistoryAsync(runId, CancellationToken.None);
        Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Completed], history.Select(h => h.Status));
        var page = await pipeline.Get<TableBatchStore>().ListAsync(null, 100, null, CancellationToken.None);
        Assert.Equal(RunStatus.Completed, Assert.Single(page.Batches).Status);
    }

    [Fact]
    public async Task Run_EveryStepExecutedTwiceAtOnce_OneOutcomeAndFiguresAreExact()
    {
        // A step retried while its first execution is still running: both execute at the same moment, on two hosts.
        var delivery = DeliveryGenerator.Generate(items: 600, seed: 23);
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "8000" });
        var ingest = pipeline.Get<Ingest>();
        var compute = pipeline.Get<Compute>();
        var finalize = pipeline.Get<Finalize>();
        await pipeline.IncomingBlob("test/at-once.jsonl").UploadAsync(BinaryData.FromString(delivery), overwrite: true);

        var arrivals = await AtOnceAsync(() => pipeline.ArriveAsync("test/at-once.jsonl"));
        var runId = arrivals[0]!.RunId;
        var ingested = await AtOnceAsync(() => ingest.RunAsync(runId, CancellationToken.None));
        foreach (var kind in WorkKeys.Kinds)
        {
            for (var shard = 0; shard < ingested[0].Shards; shard++)
            {
                var k = shard;
                await AtOnceAsync(() => compute.RunAsync(runId, kind, k, CancellationToken.None));
            }
        }

        var finalized = await AtOnceAsync(() => finalize.RunAsync(runId, CancellationToken.None));

        Assert.All(arrivals, arrival => Assert.Equal(new Arrival(runId, RunStatus.Pending), arrival));
        Assert.Equal(RunStatus.Running, ingested[0].Status);
        Assert.Equal(ingested[0], ingested[1]);
        Assert.Equal([RunStatus.Completed, RunStatus.Completed], finalized);
        var run = await pipeline.RunAsync(runId);
        Assert.Equal((RunStatus.Completed, ingested[0].Shards), (run.Status, run.ShardCount));
        var offline = await OfflineAsync(delivery);
        Assert.Equal((offline.Items, offline.Annotations, offline.KrippendorffAlphaNominal),
            (run.Metrics!.Items, run.Metrics.Annotations, run.Metrics.KrippendorffAlphaNominal));
        var history = await pipeline.Get<TableRunStore>().ListHistoryAsync(runId, CancellationToken.None);
        Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Completed], history.Select(h => h.Status));
        var page = await pipeline.Get<TableBatchStore>().ListAsync(null, 100, null, CancellationToken.None);
        Assert.Equal((runId, RunStatus.Completed), (Assert.Single(page.Batches).BatchId, page.Batches[0].Status));
        var alpha = await pipeline.Get<TableSeriesStore>().ReadAsync(new SeriesKey("test-pipeline", MonitoredMetric.Alpha.Name, null, null), CancellationToken.None);
        Assert.Equal(runId, Assert.Single(alpha).BatchId);
    }

    [Fact]
    public async Task Ingest_TwoWorkersIngestTheSameRunAtOnce_OneShardSetWinsAndFiguresAreExact()
    {
        // An ingest retried while its first attempt still runs: two ingests of one pending run at once, each writing a shard set.
        var delivery = DeliveryGenerator.Generate(items: 1500, seed: 21);
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "20000" });
        var runId = await pipeline.DeliverAsync("test/concurrent.jsonl", delivery);
        var ingest = pipeline.Get<Ingest>();

        var ingested = await AtOnceAsync(() => ingest.RunAsync(runId, CancellationToken.None));
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal(ingested[0], ingested[1]);
        Assert.Equal((RunStatus.Completed, ingested[0].Shards), (run.Status, run.ShardCount));
        // The losing attempt deleted its shards: only the winner's set is left in work/.
        var shards = new List<string>();
        await foreach (var blob in pipeline.Storage.Container(pipeline.Storage.Names.Work).GetBlobsAsync(
            Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{runId}/shards/", CancellationToken.None))
        {
            shards.Add(blob.Name);
        }

        Assert.Equal(Enumerable.Range(0, run.ShardCount).Select(k => BlobWorkStore.ShardBlob(runId, run.ShardSet!, k)), shards.Order(StringComparer.Ordinal));
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
        await pipeline.AuditAsync(first);
        var second = await pipeline.DeliverAsync("vendor/same.jsonl", delivery);
        await pipeline.AuditAsync(second);

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
        await pipeline.AuditAsync(first);
        var second = await pipeline.DeliverAsync("vendor/changing.jsonl", DeliveryGenerator.Generate(items: 60, seed: 4));
        await pipeline.AuditAsync(second);

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
        var run = await pipeline.AuditAsync(runId);

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

        // No step runs: the arrival itself rejects the run.
        var runId = await pipeline.DeliverAsync("vendor/no-header.jsonl", """{"item":"a","annotator":"b","label":"c"}""" + "\n");

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Equal("vendor/no-header.jsonl line 1, field 'item': unknown header property", run.Reason);
    }

    /// <summary>The same step executed twice at the same moment, on two pool threads.</summary>
    private static Task<T[]> AtOnceAsync<T>(Func<Task<T>> step) => Task.WhenAll(Task.Run(step), Task.Run(step));

    private static Task AtOnceAsync(Func<Task> step) => Task.WhenAll(Task.Run(step), Task.Run(step));

    /// <summary>The work keys whose partial a Compute wrote for the run, in name order.</summary>
    private static async Task<List<string>> PartialsAsync(TestPipeline pipeline, string runId)
    {
        var prefix = $"{runId}/partials/";
        var keys = new List<string>();
        await foreach (var blob in pipeline.Storage.Container(pipeline.Storage.Names.Work).GetBlobsAsync(
            Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            keys.Add(blob.Name[prefix.Length..^".json.gz".Length]);
        }

        return keys;
    }

    private static async Task<BatchMetrics> OfflineAsync(string delivery)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivery));
        return (await DeliveryAuditor.AuditAsync(stream, "offline", CancellationToken.None)).Metrics;
    }
}
