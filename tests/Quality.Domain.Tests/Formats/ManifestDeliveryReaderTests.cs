using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Manifest;

namespace Quality.Domain.Tests.Formats;

public sealed class ManifestDeliveryReaderTests
{
    private sealed class MemoryFiles(Dictionary<string, string> files) : IDeliveryFiles
    {
        public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(files.TryGetValue(path, out var text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null);
    }

    /// <param name="readAhead">Parse every file at once (<see cref="ManifestDeliveryReader.ReadAhead"/>): every test runs both ways.</param>
    private static async Task<List<Annotation>> ReadAllAsync(string files, Dictionary<string, string> contents, bool readAhead)
    {
        var manifest = ManifestParser.Parse(Encoding.UTF8.GetBytes(
            """{"format":"serverless-quality.manifest","version":1,"taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["boxes-2d"],"files":[""" + files + "]}"),
            "p/v/d/manifest.json", ("d", "p", "v"));
        using var reader = new ManifestDeliveryReader(manifest, new MemoryFiles(contents), "p/v/d/manifest.json") { ReadAhead = readAhead };
        var all = new List<Annotation>();
        while (await reader.ReadAsync(CancellationToken.None) is { } annotation)
        {
            all.Add(annotation);
        }

        return all;
    }

    private const string GroundTruth = """
        {"images":[{"id":1,"width":640,"height":480},{"id":2,"width":640,"height":480}],
         "categories":[{"id":3,"name":"car"},{"id":7,"name":"truck"}],
         "annotations":[{"id":10,"image_id":1,"category_id":3,"bbox":[10,20,30,40],"iscrowd":0}]}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CocoResults_TakeClassNamesFromTheGroundTruth_AndItsEmptyImagesAreItems(bool readAhead)
    {
        // Image 2 has no ground-truth object; a detection on it is a false positive, not an unknown item.
        var all = await ReadAllAsync("""{"path":"dets.json","annotator":"det"},{"path":"gt.json","role":"gold"}""", new()
        {
            ["gt.json"] = GroundTruth,
            ["dets.json"] = """[{"image_id":1,"category_id":3,"bbox":[11,20,30,40],"score":0.9},{"image_id":2,"category_id":7,"bbox":[1,1,5,5],"score":0.4}]""",
        }, readAhead);

        Assert.Equal(
            [("1", "gold", AnnotatorRole.Gold, "car", "gt.json"), ("1", "det", AnnotatorRole.Annotator, "car", "dets.json"), ("2", "det", AnnotatorRole.Annotator, "truck", "dets.json")],
            all.Select(a => (a.Item, a.Annotator, a.Role, a.Label, a.File!)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LabelStudioGold_TaskAnsweredNothingHere_IsStillAnItem(bool readAhead)
    {
        const string gold = """[{"id":5,"annotations":[{"completed_by":9,"result":[]}]}]""";
        const string work = """
            [{"id":5,"annotations":[{"completed_by":1,"result":[{"id":"r1","type":"rectanglelabels","from_name":"label","to_name":"image","original_width":200,"original_height":100,
              "value":{"x":10,"y":10,"width":50,"height":50,"rotation":0,"rectanglelabels":["car"]}}]}]}]
            """;

        var all = await ReadAllAsync("""{"path":"gold.json","role":"gold"},{"path":"work.json"}""", new() { ["gold.json"] = gold, ["work.json"] = work }, readAhead);

        var box = Assert.Single(all);
        Assert.Equal(("5", "1", new Quality.Domain.Geometry.Box2D(20, 10, 100, 50)), (box.Item, box.Annotator, box.Box));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ItemMissingFromGold_ErrorNamesTheFileBesideTheManifest(bool readAhead)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAllAsync(
            """{"path":"gt.json","role":"gold"},{"path":"d/dets.json","annotator":"det"}""", new()
            {
                ["gt.json"] = GroundTruth,
                ["d/dets.json"] = """[{"image_id":9,"category_id":3,"bbox":[1,1,5,5],"score":0.4}]""",
            }, readAhead));

        Assert.Equal(("p/v/d/d/dets.json", "item"), (error.File, error.Field));
        Assert.Equal("none of its items is an item of the gold file gt.json (the first, '9'); the files' item ids do not match", error.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoBadFiles_ErrorIsTheFirstFilesInReadingOrder(bool readAhead)
    {
        // The gold file is read first whatever its place in the list; of the two results files, dets-1.json (listed
        // first) is read before dets-2.json, so its unknown category on its second detection is the error.
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAllAsync(
            """{"path":"dets-1.json","annotator":"a"},{"path":"dets-2.json","annotator":"b"},{"path":"gt.json","role":"gold"},{"path":"dets-3.json","annotator":"c"}""", new()
            {
                ["gt.json"] = GroundTruth,
                ["dets-1.json"] = """[{"image_id":1,"category_id":3,"bbox":[1,1,5,5],"score":0.4},{"image_id":1,"category_id":98,"bbox":[1,1,5,5],"score":0.4}]""",
                ["dets-2.json"] = """[{"image_id":1,"category_id":99,"bbox":[1,1,5,5],"score":0.4}]""",
            }, readAhead));

        Assert.Equal(("p/v/d/dets-1.json", "[1].category_id"), (error.File, error.Field));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NuScenesFiles_EveryBoxCarriesTheManifestsPathAnnotatorAndRole(bool readAhead)
    {
        // The nuScenes reader gives each box its manifest path itself (FileRole.ManifestPath); the manifest's reader must
        // still say what the manifest declares: a gold file without an annotator is "gold", a file in a folder keeps it.
        const string box = """{"token":"t1","sample_token":"s1","translation":[1,2,0.5],"size":[2,4.5,1.6],"rotation":[1,0,0,0],"category_name":"car"}""";
        var all = await ReadAllAsync(
            """{"path":"gold.json","format":"nuscenes","role":"gold"},{"path":"work/ann-01.json","format":"nuscenes","annotator":"ann-01"}""",
            new() { ["gold.json"] = $"[{box}]", ["work/ann-01.json"] = $"[{box},{box.Replace("t1", "t2", StringComparison.Ordinal)}]" }, readAhead);

        Assert.Equal(
            [("gold.json", "gold", AnnotatorRole.Gold, "t1"), ("work/ann-01.json", "ann-01", AnnotatorRole.Annotator, "t1"), ("work/ann-01.json", "ann-01", AnnotatorRole.Annotator, "t2")],
            all.Select(a => (a.File!, a.Annotator, a.Role, a.Id!)));
    }

    [Fact]
    public async Task ReadAhead_FourFiles_SameAnnotationsInTheSameOrder()
    {
        var contents = new Dictionary<string, string>
        {
            ["gt.json"] = GroundTruth,
            ["dets-1.json"] = """[{"image_id":1,"category_id":3,"bbox":[11,20,30,40],"score":0.9},{"image_id":2,"category_id":7,"bbox":[1,1,5,5],"score":0.4}]""",
            ["dets-2.json"] = """[{"image_id":2,"category_id":3,"bbox":[2,2,5,5],"score":0.5},{"image_id":1,"category_id":7,"bbox":[10,20,30,40],"score":0.8}]""",
            ["dets-3.json"] = """[{"image_id":1,"category_id":3,"bbox":[12,20,30,40],"score":0.7}]""",
        };
        const string files = """{"path":"dets-1.json","annotator":"a"},{"path":"dets-2.json","annotator":"b"},{"path":"gt.json","role":"gold"},{"path":"dets-3.json","annotator":"c"}""";

        var (sequential, ahead) = (await ReadAllAsync(files, contents, readAhead: false), await ReadAllAsync(files, contents, readAhead: true));

        // 1 gold object, then a's 2, b's 2 and c's 1 detections, each with its class named by the ground truth's categories.
        Assert.Equal(
            ["gold:car", "a:car", "a:truck", "b:car", "b:truck", "c:car"],
            sequential.Select(a => $"{a.Annotator}:{a.Label}"));
        Assert.Equal(sequential.Select(Shown), ahead.Select(Shown));
    }

    private static string Shown(Annotation a) =>
        $"{a.Item} {a.Annotator} {a.Role} {a.Label} {a.Line} {a.File} {a.Box} {string.Join(',', a.Attributes ?? new Dictionary<string, string>())}";
}
