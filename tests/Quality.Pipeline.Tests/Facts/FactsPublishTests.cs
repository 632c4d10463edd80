using Azure.Storage.Blobs.Models;
using Quality.Domain.Facts;
using Quality.Pipeline.Facts;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Facts;

/// <summary>A batch audited on Azurite leaves its facts in <c>reports/facts/pipeline=…/date=…/</c>, one file per shard and table.</summary>
public sealed class FactsPublishTests
{
    private const string LidarBlob = "front-lidar-cuboids/acme-labeling/2026-11-26-lidar-001.jsonl";

    private static async Task<List<BlobItem>> FactBlobsAsync(TestPipeline pipeline)
    {
        var blobs = new List<BlobItem>();
        await foreach (var blob in pipeline.Storage.Container(pipeline.Storage.Names.Reports).GetBlobsAsync(new GetBlobsOptions { Prefix = "facts/" }))
        {
            blobs.Add(blob);
        }

        return blobs;
    }

    [Fact]
    public async Task CompletedBatch_InShards_HasEachShardsFactsUnderItsPartition()
    {
        // Shards of about 40 kB: the 260 kB sample is cut into several, each writing its own file.
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Pipeline:ShardTargetBytes"] = "40000" });

        var run = await pipeline.DeliverAndAuditAsync(LidarBlob, await File.ReadAllTextAsync(Repository.Sample("front-lidar-cuboids.jsonl")));

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.True(run.ShardCount > 1, $"{run.ShardCount} shards");
        var folder = $"facts/pipeline=front-lidar-cuboids/date={run.CreatedTime.UtcDateTime:yyyy-MM-dd}/";
        var blobs = await FactBlobsAsync(pipeline);
        Assert.NotEmpty(blobs);
        Assert.All(blobs, b => Assert.StartsWith(folder + $"objects-{run.Id}-", b.Name, StringComparison.Ordinal)); // cuboids only: no tags file
        Assert.Equal(blobs.Count, blobs.Select(b => b.Name).Distinct().Count());

        var rows = new List<ObjectFact>();
        foreach (var blob in blobs)
        {
            await using var stream = await pipeline.Storage.Container(pipeline.Storage.Names.Reports).GetBlobClient(blob.Name).OpenReadAsync();
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            copy.Position = 0;
            rows.AddRange(await FactRows.ReadAsync<ObjectFact>(copy));
        }

        // Every evidence row of the sample once, whatever the sharding: 745 matches, 40 misclassified, 67 missed, 57 extra
        // (quality audit --json of the same file: tp, misclassified, fn, fp).
        Assert.Equal(
            new Dictionary<string, int> { ["extra"] = 57, ["match"] = 745, ["misclassified"] = 40, ["missed"] = 67 },
            rows.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
        Assert.All(rows, r => Assert.Equal((run.Id, "2026-11-26-lidar-001", "acme-labeling"), (r.BatchId, r.DeliveryId, r.Vendor)));
        Assert.Equal(rows.Count, rows.Select(r => (r.Item, r.Annotator, r.GoldObject, r.AnnotatorObject)).Distinct().Count());
    }

    [Fact]
    public async Task CompletedBatch_AuditedAgain_OverwritesTheSameFiles()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var run = await pipeline.DeliverAndAuditAsync("front-camera-tags/acme-labeling/2026-11-25-001.jsonl",
            await File.ReadAllTextAsync(Repository.Sample("front-camera-tags.jsonl")));
        var first = await FactBlobsAsync(pipeline);

        // A redelivered finalize publishes again: the same names, so the facts are not counted twice.
        await pipeline.Get<BlobFactStore>().PublishAsync(run.Id, run.ShardCount, RunFacts.Origin(run), CancellationToken.None);

        var second = await FactBlobsAsync(pipeline);
        Assert.Equal([$"facts/pipeline=front-camera-tags/date={run.CreatedTime.UtcDateTime:yyyy-MM-dd}/tags-{run.Id}-00000.parquet"], first.Select(b => b.Name));
        Assert.Equal(first.Select(b => (b.Name, b.Properties.ContentLength)), second.Select(b => (b.Name, b.Properties.ContentLength)));
    }

    [Fact]
    public async Task RejectedBatch_LeavesNoFacts()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        // A header, then a tag whose annotator tags the same field of the item twice: a shard rejects the delivery.
        var run = await pipeline.DeliverAndAuditAsync("front-camera-tags/acme-labeling/bad-001.jsonl", """
            {"format":"serverless-quality.canonical","version":1,"deliveryId":"bad-001","pipeline":"front-camera-tags","vendor":"acme-labeling","taxonomy":{"name":"driving","version":"2.0.0"},"dataTypes":["frame-tags"]}
            {"item":"f1","annotator":"ann-01","role":"annotator","field":"weather","label":"rain"}
            {"item":"f1","annotator":"ann-01","role":"annotator","field":"weather","label":"fog"}
            """);

        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Empty(await FactBlobsAsync(pipeline));
    }
}
