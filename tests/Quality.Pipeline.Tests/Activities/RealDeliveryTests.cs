using Quality.Pipeline.Runs;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Activities;

/// <summary>
/// The real third-party exports in ../shared/data, delivered as vendors would (a folder with a manifest) and audited
/// end to end on Azurite. The counts are those the folders' SOURCE.md files state.
/// </summary>
public sealed class RealDeliveryTests
{
    private static async Task<Run> DeliverAsync(TestPipeline pipeline, string folder, string manifestFiles, params (string Name, string Source)[] files)
    {
        foreach (var (name, source) in files)
        {
            await pipeline.IncomingBlob(folder + name).UploadAsync(new BinaryData(await File.ReadAllBytesAsync(Path.Combine(Repository.Shared, "data", source))), overwrite: true);
            Assert.Null(await pipeline.ArriveAsync(folder + name)); // a file of the delivery starts nothing; its manifest does
        }

        return await pipeline.DeliverAndAuditAsync(folder + "manifest.json", $$"""
            {"format":"serverless-quality.manifest","version":1,"taxonomy":{"name":"coco","version":"2014.0.0"},"dataTypes":["boxes-2d","frame-tags"],
             "files":[{{manifestFiles}}]}
            """);
    }

    [Fact]
    public async Task Coco_GroundTruthAndDetections_AuditedAsGoldAndOneAnnotator()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var run = await DeliverAsync(pipeline, "coco/val2014/d-100/",
            """{"path":"instances.json","role":"gold"},{"path":"detections.json","annotator":"fake-detector"}""",
            ("instances.json", "coco-val2014-100/instances_val2014_100.json"),
            ("detections.json", "coco-val2014-100/instances_val2014_fakebbox100_results.json"));

        Assert.Equal(RunStatus.Completed, run.Status);
        // 839 ground-truth regions less the 9 crowd regions COCO evaluation ignores; 734 detections (formats detected).
        Assert.Equal(new Dictionary<string, long> { ["gold"] = 830, ["annotator"] = 734 }, run.Metrics!.AnnotationsByRole);
        Assert.Equal(1, run.Metrics.Annotators);
        Assert.Equal(100, run.Metrics.Items); // every image has a non-crowd ground-truth box; detections cover 99 of them
    }

    [Fact]
    public async Task LabelStudio_ThreeAnnotatorsInOneExport_EveryRegionCounted()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var run = await DeliverAsync(pipeline, "highway/heartex/evalme/",
            """{"path":"export.json"}""",
            ("export.json", "ls-evalme-3annotators/test_bbox.json"));

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal((5L, 3L, 91L), (run.Metrics!.Items, run.Metrics.Annotators, run.Metrics.Annotations));
    }
}
