using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Local;

public sealed class QueuePumpTests
{
    [Fact]
    public async Task PumpOnce_MessageFailsEveryAttempt_RunFailsAfterFiveDequeuesAndMessageIsPoisoned()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "2000" });
        var runId = await pipeline.DeliverAsync("vendor/poison.jsonl", DeliveryGenerator.Generate(items: 40, seed: 2));
        await pipeline.Pump.PumpOnceAsync(Messages.PipelineFunction.OnBatchArrived, CancellationToken.None);
        await pipeline.Pump.PumpOnceAsync(Messages.PipelineFunction.Ingest, CancellationToken.None);
        // Shard 0 disappears: its compute work item can never succeed.
        var ingested = await pipeline.RunAsync(runId);
        await pipeline.Storage.Container(pipeline.Storage.Names.Work).DeleteBlobAsync(BlobWorkStore.ShardBlob(runId, ingested.ShardSet!, 0));

        var attempts = 0;
        while (await pipeline.Pump.PumpOnceAsync(Messages.PipelineFunction.Compute, CancellationToken.None) > 0)
        {
            attempts++;
        }

        var run = await pipeline.RunAsync(runId);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.StartsWith("Compute failed on all 5 attempts; last error: RequestFailedException:", run.Reason, StringComparison.Ordinal);
        Assert.Contains("BlobNotFound", run.Reason, StringComparison.Ordinal);
        var poison = pipeline.Storage.Queue(StorageNames.PoisonQueue(pipeline.Storage.Names.Compute));
        var poisoned = (await poison.ReceiveMessagesAsync(32)).Value;
        var message = Assert.Single(poisoned);
        Assert.Contains(runId, message.Body.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"shard\":0", message.Body.ToString(), StringComparison.Ordinal);
        Assert.True(attempts >= 5, $"{attempts} receive rounds");
    }
}
