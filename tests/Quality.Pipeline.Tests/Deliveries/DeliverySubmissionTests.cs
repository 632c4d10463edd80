using System.Text;
using Quality.Domain.Formats;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Deliveries;

/// <summary>Files delivered as they are: a vendor export lands as a folder with a generated manifest and audits as such.</summary>
public sealed class DeliverySubmissionTests
{
    private static string Krippendorff2011 => Path.Combine(Repository.Root, "tests", "Shared", "Data", "krippendorff-2011-units-by-coders.csv");

    private static string Evalme => Path.Combine(Repository.Shared, "data", "ls-evalme-3annotators", "test_bbox.json");

    [Fact]
    public async Task VendorFile_LandsAsAFolderWithItsManifestLast_AndAuditsToThePublishedAlpha()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var names = new DeliveryNames("reference-data", "krippendorff-2011", "wide-1");

        await using var table = File.OpenRead(Krippendorff2011);
        var submitted = await pipeline.Get<DeliverySubmission>().SubmitAsync(table, "k2011.csv", names, CancellationToken.None);
        var arrival = await pipeline.ArriveAsync(submitted.Blob.Name);
        var run = await pipeline.AuditAsync(arrival!.RunId);

        Assert.Equal(["reference-data/krippendorff-2011/wide-1/k2011.csv", "reference-data/krippendorff-2011/wide-1/manifest.json"], submitted.Files.Select(f => f.Name));
        Assert.Equal(new FileInfo(Krippendorff2011).Length, submitted.Files[0].Size);
        Assert.Equal(submitted.BatchId, arrival.RunId);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(("reference-data", "krippendorff-2011", "wide-1", "none@0.0.0"), (run.Pipeline, run.Vendor, run.DeliveryId, run.Taxonomy));
        // Krippendorff (2011): nominal alpha 0.743 (113/152) on the 4 x 12 reliability data.
        Assert.Equal(113.0 / 152, run.Metrics!.KrippendorffAlphaNominal, 12);
    }

    [Fact]
    public async Task SameFileAgain_IsTheSameBatch_OtherFileUnderTheSameId_IsRefused()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var submission = pipeline.Get<DeliverySubmission>();
        var names = new DeliveryNames("front-camera", "acme", "ls-1");

        var first = await SubmitAsync(submission, Evalme, names);
        var again = await SubmitAsync(submission, Evalme, names);
        var other = await Assert.ThrowsAsync<DeliveryExistsException>(() => SubmitAsync(submission, Krippendorff2011, names));

        Assert.Equal(first.BatchId, again.BatchId);
        Assert.Equal("front-camera/acme/ls-1/manifest.json", other.BlobName);
        Assert.Null(await pipeline.Get<BlobDeliveryStore>().GetAsync("front-camera/acme/ls-1/krippendorff-2011-units-by-coders.csv", CancellationToken.None));
    }

    [Fact]
    public async Task VendorFile_WithoutNames_SaysItsFormatAndTheQueryParameters_AndStoresNothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => SubmitAsync(pipeline.Get<DeliverySubmission>(), Evalme, null));

        Assert.Equal(("test_bbox.json", 0L, "format"), (error.File, error.Line, error.Field));
        Assert.StartsWith("looks like a Label Studio JSON export (label-studio), not a canonical delivery; post it as it is to POST /api/deliveries with pipeline, vendor and deliveryId in the query",
            error.Problem, StringComparison.Ordinal);
        await foreach (var stored in pipeline.Get<BlobDeliveryStore>().ListAsync(CancellationToken.None))
        {
            Assert.Fail($"stored {stored.Name}");
        }
    }

    [Fact]
    public async Task CocoFile_WithoutAnAnnotator_SaysToGiveOne()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var coco = Path.Combine(Repository.Shared, "data", "coco-val2014-100", "instances_val2014_100.json");

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => SubmitAsync(pipeline.Get<DeliverySubmission>(), coco, new DeliveryNames("p", "v", "d")));
        var gold = await SubmitAsync(pipeline.Get<DeliverySubmission>(), coco, new DeliveryNames("p", "v", "d") { Role = Quality.Domain.Annotations.AnnotatorRole.Gold });

        Assert.Equal(("annotator", "a COCO instances file does not say who annotated it; give its annotator (or role gold) with the names"), (error.Field, error.Problem));
        Assert.Equal("p/v/d/instances_val2014_100.json", gold.Files[0].Name);
    }

    [Fact]
    public async Task CanonicalFile_WithOtherNames_NamesTheField()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() =>
            SubmitAsync(pipeline.Get<DeliverySubmission>(), Repository.Sample("krippendorff-2011.jsonl"), new DeliveryNames("other", "krippendorff-2011", "krippendorff-2011-c")));

        Assert.Equal((1L, "pipeline"), (error.Line, error.Field));
        Assert.StartsWith("is 'reference-data' in the header but 'other' was given", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZipFile_SaysToUnzipIt()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        using var zip = new MemoryStream([0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("export.json")]);

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => pipeline.Get<DeliverySubmission>().SubmitAsync(zip, "export.zip", null, CancellationToken.None));

        Assert.StartsWith("is a zip archive; unzip it and deliver its files", error.Problem, StringComparison.Ordinal);
    }

    private static async Task<SubmittedDelivery> SubmitAsync(DeliverySubmission submission, string path, DeliveryNames? names)
    {
        await using var stream = File.OpenRead(path);
        return await submission.SubmitAsync(stream, Path.GetFileName(path), names, CancellationToken.None);
    }
}
