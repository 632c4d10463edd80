using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Activities;

/// <summary>A delivery as a folder of files in vendor formats, started by its manifest.</summary>
public sealed class MultiFileDeliveryTests
{
    private const string Folder = "front-camera/acme/d-0042/";

    private static string Manifest(params string[] files) => $$$"""
        {"format":"serverless-quality.manifest","version":1,"taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["frame-tags"],
         "fields":{"weather":{"level":"nominal","values":["clear","rain","fog"]}},
         "files":[{{{string.Join(",", files)}}}]}
        """;

    // Two annotators' tables and the gold answers: 3 items, 2 annotators agree on 2 of them.
    private const string Gold = "item,annotator,field,value\nf1,key,weather,clear\nf2,key,weather,rain\nf3,key,weather,fog\n";
    private const string Ann1 = "item,annotator,field,value\nf1,ann-01,weather,clear\nf2,ann-01,weather,rain\nf3,ann-01,weather,fog\n";
    private const string Ann2 = "item,annotator,field,value\nf1,ann-02,weather,clear\nf2,ann-02,weather,rain\nf3,ann-02,weather,rain\n";

    [Fact]
    public async Task Manifest_FilesInVendorFormats_CompletesWithEveryAnnotation()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        foreach (var (name, content) in new[] { ("gold.csv", Gold), ("tables/ann-01.csv", Ann1), ("tables/ann-02.csv", Ann2) })
        {
            await pipeline.DeliverAsync(Folder + name, content); // each file's own event starts nothing
        }

        var runId = await pipeline.DeliverAsync(Folder + "manifest.json", Manifest(
            """{"path":"gold.csv","role":"gold","format":"csv"}""",
            """{"path":"tables/ann-01.csv"}""",
            """{"path":"tables/ann-02.csv","format":"csv"}"""));
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(("front-camera", "acme", "d-0042", "driving@1.0.0"), (run.Pipeline, run.Vendor, run.DeliveryId, run.Taxonomy));
        Assert.Equal(3, run.Metrics!.Items);
        Assert.Equal(9, run.Metrics.Annotations);
        var runs = pipeline.Get<Quality.Pipeline.Storage.TableRunStore>();
        Assert.Null(await runs.GetAsync(RunIds.For(Folder + "gold.csv", (await pipeline.Get<Quality.Pipeline.Storage.BlobDeliveryStore>().GetAsync(Folder + "gold.csv", CancellationToken.None))!.ContentKey), CancellationToken.None));
    }

    [Fact]
    public async Task Manifest_ListsAFileNotDelivered_RejectedNamingIt_ThenTheSameManifestAgainCompletes()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.DeliverAsync(Folder + "gold.csv", Gold);
        var manifest = Manifest("""{"path":"gold.csv","role":"gold"}""", """{"path":"ann-01.csv"}""");

        await pipeline.IncomingBlob(Folder + "manifest.json").UploadAsync(BinaryData.FromString(manifest), overwrite: true);
        var arrival = await pipeline.ArriveAsync(Folder + "manifest.json");

        // Rejected by the arrival itself: no audit starts.
        var blob = await pipeline.Get<Quality.Pipeline.Storage.BlobDeliveryStore>().GetAsync(Folder + "manifest.json", CancellationToken.None);
        var rejected = await pipeline.RunAsync(RunIds.ForIncomplete(Folder + "manifest.json", blob!.ContentKey, ["ann-01.csv"]));
        Assert.Equal(new Arrival(rejected.Id, RunStatus.Rejected), arrival);
        Assert.Equal(RunStatus.Rejected, rejected.Status);
        Assert.Equal(Folder + "manifest.json, field 'files[1].path': 'ann-01.csv' is listed but was not delivered; upload a delivery's files first and its manifest last, then upload the manifest again", rejected.Reason);

        // The vendor uploads the missing file, then the very same manifest: a new run, which completes.
        await pipeline.DeliverAsync(Folder + "ann-01.csv", Ann1);
        var runId = await pipeline.DeliverAsync(Folder + "manifest.json", manifest);

        Assert.NotEqual(rejected.Id, runId);
        Assert.Equal(RunStatus.Completed, (await pipeline.AuditAsync(runId)).Status);
    }

    [Fact]
    public async Task Manifest_ItemIdsDoNotMatchGold_RejectedAtTheLineWithTheFolderQuarantined()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.DeliverAsync(Folder + "gold.csv", Gold);
        await pipeline.DeliverAsync(Folder + "ann-01.csv", Ann1.Replace("\nf", "\nframe-", StringComparison.Ordinal));

        var runId = await pipeline.DeliverAsync(Folder + "manifest.json", Manifest(
            """{"path":"ann-01.csv"}""", """{"path":"gold.csv","role":"gold"}"""));
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Equal(Folder + "ann-01.csv line 2, field 'item': none of its items is an item of the gold file gold.csv (the first, 'frame-1'); the files' item ids do not match", run.Reason);
        var quarantine = pipeline.Storage.Container(pipeline.Storage.Names.Quarantine);
        var copied = new List<string>();
        await foreach (var blob in quarantine.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, runId + "/", CancellationToken.None))
        {
            copied.Add(blob.Name[(runId.Length + 1)..]);
        }

        Assert.Equal(["delivery/" + Folder + "ann-01.csv", "delivery/" + Folder + "gold.csv", "delivery/" + Folder + "manifest.json", "error.json"], copied.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Manifest_GoldOnASampleOfItems_Completes()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.DeliverAsync(Folder + "gold.csv", "item,annotator,field,value\nf2,key,weather,rain\n"); // a honeypot: gold on 1 of 3 items
        await pipeline.DeliverAsync(Folder + "ann-01.csv", Ann1);

        var runId = await pipeline.DeliverAsync(Folder + "manifest.json", Manifest("""{"path":"gold.csv","role":"gold"}""", """{"path":"ann-01.csv"}"""));
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal((RunStatus.Completed, 3L, 4L), (run.Status, run.Metrics!.Items, run.Metrics.Annotations));
    }

    [Fact]
    public async Task SingleFile_InAVendorFormat_RejectedPointingToTheWaysToDeliverIt_AndListedUnderItsPath()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var coco = await File.ReadAllTextAsync(Path.Combine(Repository.Shared, "data", "coco-val2014-100", "instances_val2014_100.json"));

        var runId = await pipeline.DeliverAsync("coco/acme/d-1.json", coco);
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Equal("coco/acme/d-1.json, field 'format': looks like a COCO instances file (coco), not a canonical delivery; post it as it is to POST /api/deliveries with pipeline, vendor and deliveryId "
            + "in the query (or quality submit FILE --pipeline --vendor --delivery-id), which writes its manifest, or deliver it in a folder with a manifest.json (docs/formats/manifest.md)", run.Reason);
        // No header was read, so the path names it: it is listed where its vendor looks for it.
        Assert.Equal(("coco", "acme", "d-1"), (run.Pipeline, run.Vendor, run.DeliveryId));
        var listed = Assert.Single((await pipeline.Get<Quality.Pipeline.Storage.TableBatchStore>().ListAsync("coco", 10, null, CancellationToken.None)).Batches);
        Assert.Equal((run.Id, "acme"), (listed.BatchId, listed.Vendor));
    }

    [Fact]
    public async Task LabelStudioExport_WithoutCompletedBy_CompletesWithTheWarningOnTheRun()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.DeliverAsync(Folder + "old.json", await File.ReadAllTextAsync(Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_old_format.json")));

        var run = await pipeline.DeliverAndAuditAsync(Folder + "manifest.json",
            """{"format":"serverless-quality.manifest","version":1,"taxonomy":{"name":"none","version":"0.0.0"},"dataTypes":["frame-tags"],"files":[{"path":"old.json"}]}""");

        // One task with three completions and no completed_by: three annotators of their own, three different answers.
        Assert.Equal((RunStatus.Completed, 1L, 3L, 3L), (run.Status, run.Metrics!.Items, run.Metrics.Annotators, run.Metrics.Annotations));
        var warning = Assert.Single(run.Warnings!);
        Assert.Equal((Folder + "old.json", 1L, "completions[0].completed_by"), (warning.File, warning.Line, warning.Field));
    }

    [Theory]
    [InlineData("front-camera/acme/d-7/manifest.json", "front-camera", "acme", "d-7")]
    [InlineData("front-camera/acme/d-7.jsonl", "front-camera", "acme", "d-7")]
    [InlineData("front-camera/acme/d.7.json", "front-camera", "acme", "d.7")]
    [InlineData("stray.jsonl", null, null, null)]
    [InlineData("a/b/c d.jsonl", null, null, null)]
    public async Task UnreadableDelivery_IsNamedByItsPath_WhenThePathHasTheShape(string blob, string? pipelineName, string? vendor, string? deliveryId)
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var run = await pipeline.RunAsync(await pipeline.DeliverAsync(blob, "not a delivery\n"));

        Assert.Equal((RunStatus.Rejected, pipelineName, vendor, deliveryId), (run.Status, run.Pipeline, run.Vendor, run.DeliveryId));
    }
}
