using Microsoft.DurableTask.Client;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Batches;

/// <summary>
/// OnBatchArrived starts one audit per delivered blob version: the same blob twice starts nothing new, a changed blob
/// is a new run, and a run whose audit never started is started when the blob is seen again.
/// </summary>
public sealed class OnBatchArrivedTests
{
    [Fact]
    public async Task Arrival_SameBlobTwice_OneRunAndOneInstance()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        var blob = app.Get<Pipeline.Storage.StorageClients>().Container(app.Prefix + "-incoming").GetBlobClient("p/v/d-1.jsonl");
        await blob.UploadAsync(BinaryData.FromString(DeliveryGenerator.Generate(items: 20, seed: 1)));

        await app.ArriveAsync(blob.Name);
        var first = await app.Get<DurableTaskClient>().GetInstanceAsync(await RunIdOfAsync(app, blob.Name));
        await app.ArriveAsync(blob.Name);
        var second = await app.Get<DurableTaskClient>().GetInstanceAsync(await RunIdOfAsync(app, blob.Name));

        Assert.NotNull(first);
        Assert.Equal(first.CreatedAt, second!.CreatedAt);
        var page = await app.Get<Pipeline.Storage.TableBatchStore>().ListAsync(null, 10, null, CancellationToken.None);
        Assert.Single(page.Batches);
    }

    [Fact]
    public async Task Arrival_ChangedBlob_ANewRunWithItsOwnInstance()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        var blob = app.Get<Pipeline.Storage.StorageClients>().Container(app.Prefix + "-incoming").GetBlobClient("p/v/d-2.jsonl");
        await blob.UploadAsync(BinaryData.FromString(DeliveryGenerator.Generate(items: 20, seed: 2)));
        await app.ArriveAsync(blob.Name);
        var before = await RunIdOfAsync(app, blob.Name);

        await blob.UploadAsync(BinaryData.FromString(DeliveryGenerator.Generate(items: 20, seed: 3)), overwrite: true);
        await app.ArriveAsync(blob.Name);
        var after = await RunIdOfAsync(app, blob.Name);

        Assert.NotEqual(before, after);
        Assert.NotNull(await app.Get<DurableTaskClient>().GetInstanceAsync(before));
        Assert.NotNull(await app.Get<DurableTaskClient>().GetInstanceAsync(after));
    }

    [Fact]
    public async Task Arrival_RunListedButAuditNeverStarted_StartedWhenTheBlobIsSeenAgain()
    {
        await using var app = await QualityApp.StartAsync(processing: false);
        var blob = app.Get<Pipeline.Storage.StorageClients>().Container(app.Prefix + "-incoming").GetBlobClient("p/v/d-3.jsonl");
        await blob.UploadAsync(BinaryData.FromString(DeliveryGenerator.Generate(items: 20, seed: 4)));
        // The process died between listing the run and starting its audit: the run exists, Pending, with no instance.
        var arrived = await app.Get<BatchArrival>().HandleAsync(blob.Name, CancellationToken.None);
        Assert.Equal(RunStatus.Pending, arrived!.Status);
        Assert.Null(await app.Get<DurableTaskClient>().GetInstanceAsync(arrived.RunId));

        await app.ArriveAsync(blob.Name);

        var instance = await app.Get<DurableTaskClient>().GetInstanceAsync(arrived.RunId);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, instance!.RuntimeStatus);
        Assert.Equal("AuditBatch", instance.Name);
    }

    [Fact]
    public async Task Arrival_EightAtOnce_OneRunOneInstanceAndNoFailure()
    {
        // Eight triggers for one blob at the same moment: all look before any starts, so most starts race.
        await using var app = await QualityApp.StartAsync(processing: false);
        var blob = app.Get<Pipeline.Storage.StorageClients>().Container(app.Prefix + "-incoming").GetBlobClient("p/v/d-4.jsonl");
        await blob.UploadAsync(BinaryData.FromString(DeliveryGenerator.Generate(items: 20, seed: 5)));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => app.ArriveAsync(blob.Name))));

        var instance = await app.Get<DurableTaskClient>().GetInstanceAsync(await RunIdOfAsync(app, blob.Name));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, instance!.RuntimeStatus);
        var history = await app.Get<Pipeline.Storage.TableRunStore>().ListHistoryAsync(await RunIdOfAsync(app, blob.Name), CancellationToken.None);
        Assert.Equal([RunStatus.Pending], history.Select(h => h.Status));
    }

    private static async Task<string> RunIdOfAsync(QualityApp app, string blobName)
    {
        var blob = await app.Get<Pipeline.Storage.BlobDeliveryStore>().GetAsync(blobName, CancellationToken.None);
        return RunIds.For(blobName, blob!.ContentKey);
    }
}
