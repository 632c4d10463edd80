using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quality.Domain.Audit;
using Quality.LocalHost.Durable;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Orchestration;

/// <summary>The AuditBatch orchestration on the real Durable Task engine over Azurite: its fan-out and fan-in, and how it fails.</summary>
public sealed class AuditBatchTests
{
    [Fact]
    public async Task AuditBatch_130Shards_SubOrchestrationsOf64ComputeEveryShardOnceAndFiguresEqualOffline()
    {
        var delivery = DeliveryGenerator.Generate(items: 1300, seed: 5);
        var shardBytes = (System.Text.Encoding.UTF8.GetByteCount(delivery) + 129) / 130;
        await using var app = await QualityApp.StartAsync(processing: true, new Dictionary<string, string?>
        {
            ["Pipeline:ShardTargetBytes"] = shardBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = app.CreateClient();

        var id = (string)(await Api.BatchApiTests.SubmitAsync(client, delivery))["id"]!;
        var batch = await EndToEnd.LocalHostTests.WaitForEndAsync(client, id);

        Assert.Equal("Completed", (string?)batch["status"]);
        var hub = app.Get<DurableEngine>().Service;
        var parent = await OrchestrationHistory.ReadAsync(hub, id);
        // The parent's history holds three sub-orchestrations, not 130 activity results: 64 + 64 + 2 shards.
        Assert.Equal(3, parent.Count(e => e.Type == "SubOrchestrationInstanceCreated" && e.Name == "ComputeShards"));
        Assert.DoesNotContain(parent, e => e.Type == "TaskScheduled" && e.Name == "Compute");
        Assert.Equal(["Ingest", "Finalize"], parent.Where(e => e.Type == "TaskScheduled").Select(e => e.Name));
        var computes = new List<int>();
        foreach (var first in new[] { 0, 64, 128 })
        {
            var part = await OrchestrationHistory.ReadAsync(hub, $"{id}:shards-{first}");
            computes.Add(part.Count(e => e.Type == "TaskScheduled" && e.Name == "Compute"));
        }

        Assert.Equal([64, 64, 2], computes);
        // Each shard's partial, and only those: every shard was computed, none twice under another name.
        var partials = new List<string>();
        await foreach (var blob in app.Get<StorageClients>().Container(app.Prefix + "-work").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{id}/partials/", CancellationToken.None))
        {
            partials.Add(blob.Name);
        }

        Assert.Equal(Enumerable.Range(0, 130).Select(k => BlobWorkStore.PartialBlob(id, WorkKeys.For(WorkKeys.BatchAudit, k))), partials.Order(StringComparer.Ordinal));
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivery));
        var offline = (await DeliveryAuditor.AuditAsync(stream, "offline", CancellationToken.None)).Metrics;
        var run = await app.Get<TableRunStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(130, run!.ShardCount);
        Assert.Equal(offline.KrippendorffAlphaNominal, run.Metrics!.KrippendorffAlphaNominal);
        Assert.Equal(offline.Items, run.Metrics.Items);
    }

    [Theory]
    [InlineData(100)] // about 15 shards: the activities are the orchestration's own
    [InlineData(700)] // about 100 shards: the failing activity is in a ComputeShards part
    public async Task AuditBatch_ComputeFailsOnEveryRetry_RunFailsWithTheReasonServedOverHttp(int items)
    {
        // A host that only starts audits takes the delivery to Running; then one shard's blob is lost, which no retry can bring back.
        await using var starter = await QualityApp.StartAsync(processing: false, new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "4000" });
        using var client = starter.CreateClient();
        var submitted = await Api.BatchApiTests.SubmitAsync(client, DeliveryGenerator.Generate(items: items, seed: 9));
        var id = (string)submitted["id"]!;
        await starter.ArriveAsync((string)submitted["blobName"]!);
        var ingested = await starter.Get<Ingest>().RunAsync(id, CancellationToken.None);
        Assert.True(items < 500 ? ingested.Shards is > 1 and <= 64 : ingested.Shards > 64, $"{ingested.Shards} shards");
        var run = (await starter.Get<TableRunStore>().GetAsync(id, CancellationToken.None))!;
        await starter.Get<StorageClients>().Container(starter.Prefix + "-work").DeleteBlobAsync(BlobWorkStore.ShardBlob(id, run.ShardSet!, 1));

        await using var worker = await QualityApp.StartAsync(processing: true, new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "4000" }, sharing: starter);
        using var ended = await Eventually.UntilAsync(async () =>
        {
            var response = await client.GetAsync($"/api/runs/{id}");
            return response.StatusCode == HttpStatusCode.OK ? response : null;
        }, "the failed run", TimeSpan.FromSeconds(90));

        var status = (await ended.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Failed", (string?)status["runtimeStatus"]);
        Assert.Equal("Failed", (string?)status["batchStatus"]);
        var reason = (string)status["reason"]!;
        // The step, the kind of error and the storage's error code; the message (with URLs and headers) stays in the log.
        Assert.Equal($"Compute failed on every retry: RequestFailedException BlobNotFound. The whole error is logged under correlation id {id}.", reason);
        var batch = await client.GetFromJsonAsync<JsonObject>($"/api/batches/{id}");
        Assert.Equal(("Failed", reason), ((string?)batch!["status"], (string?)batch["reason"]));
        // The retry policy's four attempts at the lost shard (in the part that holds it, which is not retried on top),
        // each other shard of that part once; then the run failed once.
        var hub = worker.Get<DurableEngine>().Service;
        var history = await OrchestrationHistory.ReadAsync(hub, id);
        var part = ingested.Shards > 64 ? await OrchestrationHistory.ReadAsync(hub, $"{id}:shards-0") : history;
        Assert.Equal(Math.Min(ingested.Shards, 64) - 1 + 4, part.Count(e => e.Type == "TaskScheduled" && e.Name == "Compute"));
        Assert.Equal(4, part.Count(e => e.Type == "TaskFailed"));
        if (ingested.Shards > 64)
        {
            Assert.Equal((ingested.Shards + 63) / 64, history.Count(e => e.Type == "SubOrchestrationInstanceCreated"));
            Assert.Single(history, e => e.Type == "SubOrchestrationInstanceFailed");
        }

        Assert.Single(history, e => e.Type == "TaskScheduled" && e.Name == "FailRun");
        Assert.Single(history, e => e.Type == "ExecutionCompleted");
        var transitions = await worker.Get<TableRunStore>().ListHistoryAsync(id, CancellationToken.None);
        Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Failed], transitions.Select(t => t.Status));
    }
}
