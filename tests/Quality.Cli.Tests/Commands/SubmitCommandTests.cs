using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality submit</c> against a real Azurite, on a pipeline of its own.</summary>
public sealed class SubmitCommandTests
{
    [Fact]
    public async Task Delivery_lands_in_incoming_under_its_header_name_with_the_batch_id_the_pipeline_will_use()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var sample = Repository.Sample("krippendorff-2011.jsonl");

        var run = await CliRun.InvokeAsync("submit", sample, "--connection", pipeline.ConnectionString, "--prefix", pipeline.Prefix);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var blob = await pipeline.Get<BlobDeliveryStore>().GetAsync("reference-data/krippendorff-2011/krippendorff-2011-c.jsonl", CancellationToken.None);
        Assert.NotNull(blob);
        Assert.Equal(new FileInfo(sample).Length, blob.Size);
        // The run id is a pure function of the blob's name and content (its MD5), so the CLI can name the batch.
        Assert.Contains($"batch {RunIds.For(blob.Name, blob.ContentKey)}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_header_exits_2_and_stores_nothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, """{"format":"serverless-quality.canonical","version":2}""" + "\n");

        var run = await CliRun.InvokeAsync("submit", file, "--connection", pipeline.ConnectionString, "--prefix", pipeline.Prefix);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"{Path.GetFileName(file)} line 1, field 'version':", run.Error, StringComparison.Ordinal);
        var stored = new List<string>();
        await foreach (var (name, _) in pipeline.Get<BlobDeliveryStore>().ListAsync(CancellationToken.None))
        {
            stored.Add(name);
        }

        Assert.Empty(stored);
    }

    [Fact]
    public async Task VendorExport_WithNames_LandsAsAFolderAndPrintsEveryBlob_ManifestLast()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var export = Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_bbox.json");

        var run = await CliRun.InvokeAsync("submit", export, "--pipeline", "front-camera", "--vendor", "acme", "--delivery-id", "ls-1",
            "--connection", pipeline.ConnectionString, "--prefix", pipeline.Prefix);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var manifest = await pipeline.Get<BlobDeliveryStore>().GetAsync("front-camera/acme/ls-1/manifest.json", CancellationToken.None);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"submitted test_bbox.json: 2 blobs in {pipeline.Storage.Names.Incoming}", lines[0]);
        Assert.Equal($"  {pipeline.Storage.Names.Incoming}/front-camera/acme/ls-1/test_bbox.json ({new FileInfo(export).Length} bytes)", lines[1]);
        Assert.Equal($"  {pipeline.Storage.Names.Incoming}/front-camera/acme/ls-1/manifest.json ({manifest!.Size} bytes, generated)", lines[2]);
        Assert.Equal($"batch {RunIds.For(manifest.Name, manifest.ContentKey)} (GET /api/batches/{RunIds.For(manifest.Name, manifest.ContentKey)})", lines[3]);

        // The manifest audits as the export itself: 91 boxes of 3 annotators on 5 tasks (shared/data SOURCE.md).
        var audit = await pipeline.AuditAsync((await pipeline.ArriveAsync(manifest.Name))!.RunId);
        Assert.Equal((RunStatus.Completed, 5L, 3L, 91L), (audit.Status, audit.Metrics!.Items, audit.Metrics.Annotators, audit.Metrics.Annotations));
    }

    [Fact]
    public async Task VendorExport_WithoutNames_SaysWhatItLooksLikeAndWhichOptionsToGive()
    {
        var export = Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_bbox.json");

        var run = await CliRun.InvokeAsync("submit", export, "--connection", "UseDevelopmentStorage=true");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("test_bbox.json: looks like a Label Studio JSON export (label-studio); give --pipeline, --vendor and --delivery-id to deliver it as it is (a manifest is written for it)\n",
            run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task FolderOfCocoFiles_WithoutManifest_GetsOneNamingGoldAndAnnotatorsByFile()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var folder = Directory.CreateTempSubdirectory("cli-submit-");
        try
        {
            var coco = Path.Combine(Repository.Shared, "data", "coco-val2014-100");
            File.Copy(Path.Combine(coco, "instances_val2014_100.json"), Path.Combine(folder.FullName, "gold.json"));
            File.Copy(Path.Combine(coco, "instances_val2014_fakebbox100_results.json"), Path.Combine(folder.FullName, "detector-7.json"));

            var run = await CliRun.InvokeAsync("submit", folder.FullName, "--pipeline", "coco", "--vendor", "acme", "--delivery-id", "val-100", "--gold", "gold.json",
                "--connection", pipeline.ConnectionString, "--prefix", pipeline.Prefix);

            Assert.Equal(ExitCodes.Success, run.ExitCode);
            Assert.Contains("3 blobs", run.Output, StringComparison.Ordinal);
            var manifest = (await pipeline.IncomingBlob("coco/acme/val-100/manifest.json").DownloadContentAsync()).Value.Content.ToString();
            Assert.Contains("\"path\": \"detector-7.json\",\n      \"format\": \"coco-results\",\n      \"annotator\": \"detector-7\"", manifest, StringComparison.Ordinal);
            Assert.Contains("\"path\": \"gold.json\",\n      \"format\": \"coco\",\n      \"role\": \"gold\"", manifest, StringComparison.Ordinal);

            // 839 gold objects, 9 of them crowd regions (skipped), and 734 detections (shared/data SOURCE.md).
            var audit = await pipeline.AuditAsync((await pipeline.ArriveAsync("coco/acme/val-100/manifest.json"))!.RunId);
            Assert.Equal(RunStatus.Completed, audit.Status);
            Assert.Equal(830 + 734, audit.Metrics!.Annotations);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
