using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Geometry;
using Quality.Domain.RootCauses;
using Quality.Domain.Sampling;
using Quality.Domain.Taxonomy;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Audit;

/// <summary>
/// <see cref="BatchAudit.AddItems"/> audits runs of items on every core and merges them in order: its state, figures,
/// evidence, review frame and errors must be those of <see cref="BatchAudit.AddItem"/> called item after item.
/// </summary>
public sealed class ParallelBatchAuditTests
{
    [Theory]
    [InlineData("front-lidar-cuboids.jsonl", 40, 1126)] // `grep -o '"item":"[^"]*"' | sort -u | wc -l`; 1,127 lines less the header
    [InlineData("front-camera-tags.jsonl", 300, 2693)]
    public async Task AddItems_Samples_SameAsOneItemAfterAnother(string sample, int items, int annotations)
    {
        var (header, byItem) = await ItemsAsync(File.ReadAllBytes(Repository.Sample(sample)), sample);
        var checker = new TaxonomyChecker(TaxonomyDocument.Parse(await File.ReadAllTextAsync(Repository.Sample("taxonomies/driving@1.1.0.yaml")), "driving@1.1.0.yaml"));

        var (sequential, parallel) = (Audit(header, byItem, checker, parallel: false), Audit(header, byItem, checker, parallel: true));

        Assert.Equal((items, annotations), (byItem.Count, byItem.Sum(i => i.Count)));
        Assert.Equal((items, (long)annotations), (sequential.Items, sequential.Annotations));
        AssertSame(sequential, parallel);
    }

    [Fact]
    public async Task AddItems_GeneratedDeliveryOf400Frames_SameAsOneItemAfterAnother()
    {
        var delivery = ObjectDeliveryGenerator.Generate(seed: 20, "d-400", items: 400, annotators: 3, baseErrorRate: 0.05,
            injections: [new ObjectDeliveryGenerator.Injection("cyclist", "pedestrian", 0.3, ["ann-02"])]);
        var (header, byItem) = await ItemsAsync(System.Text.Encoding.UTF8.GetBytes(delivery), "d-400.jsonl");

        var (sequential, parallel) = (Audit(header, byItem, null, parallel: false), Audit(header, byItem, null, parallel: true));

        // 400 frames; each of the 3 annotators redraws the 5 gold objects of every frame (missing one at 5%).
        Assert.Equal(400, sequential.Items);
        Assert.Equal(["ann-00", "ann-01", "ann-02"], sequential.Result.Spatial.Labeled.Keys);
        Assert.All(sequential.Result.Spatial.Labeled.Values, labeled => Assert.Equal(400, labeled.Items));
        AssertSame(sequential, parallel);
    }

    /// <summary>
    /// Batch after batch, as the command adds a delivery, each with its own number of runs: the runs' working storage
    /// (kept by the audit from one batch to the next, grown by the frames before) leaves nothing of earlier frames in
    /// the counts, figures or evidence rows and their strata.
    /// </summary>
    [Fact]
    public async Task AddItems_InBatchesOfDifferentSizes_SameAsOneItemAfterAnother()
    {
        var delivery = ObjectDeliveryGenerator.Generate(seed: 21, "d-400", items: 400, annotators: 3, baseErrorRate: 0.1,
            injections: [new ObjectDeliveryGenerator.Injection("car", "truck", 0.2, ["ann-01"])]);
        var (header, byItem) = await ItemsAsync(System.Text.Encoding.UTF8.GetBytes(delivery), "d-400.jsonl");

        var sequential = Audit(header, byItem, null, parallel: false);
        var batched = Audit(header, byItem, null, parallel: true, batches: [200, 40, 160]);

        Assert.Equal(400, batched.Items);
        Assert.Contains(batched.Evidence, row => row.Outcome == "misclassified" && row.Strata is not null);
        AssertSame(sequential, batched);
    }

    [Fact]
    public void AddItems_TwoBadItems_ThrowsTheFirstItemsErrorAsOneAfterAnother()
    {
        // 64 items (4 runs or more on any machine); items 20 and 50 have a field tagged twice by one annotator.
        var items = Enumerable.Range(0, 64).Select(i => (IReadOnlyList<Annotation>)(i is 20 or 50
            ? [Tag(i, "a", "fog", line: 100 + i), Tag(i, "a", "rain", line: 200 + i)]
            : [Tag(i, "a", "fog", line: 100 + i), Tag(i, "b", "fog", line: 200 + i)])).ToList();

        var sequential = Assert.Throws<DeliveryFormatException>(() => items.ForEach(i => new BatchAudit().AddItem("d.jsonl", i)));
        var parallel = Assert.Throws<DeliveryFormatException>(() => new BatchAudit().AddItems("d.jsonl", items));

        Assert.Equal(("d.jsonl", 220L, "field"), (sequential.File, sequential.Line, sequential.Field));
        Assert.Equal(sequential.Message, parallel.Message);
    }

    private sealed record Audited(BatchAudit Audit, BatchAuditResult Result, List<EvidencePair> Evidence, List<ReviewUnit> Frame)
    {
        public long Items => Audit.Items;

        public long Annotations => Audit.Annotations;
    }

    /// <param name="batches">With <paramref name="parallel"/>: the items added by one call after another, so many each; null: all in one.</param>
    private static Audited Audit(DeliveryHeader header, List<List<Annotation>> byItem, TaxonomyChecker? checker, bool parallel, int[]? batches = null)
    {
        var (evidence, frame) = (new List<EvidencePair>(), new List<ReviewUnit>());
        var audit = new BatchAudit(new SpatialOptions { CuboidMode = CuboidIouMode.BirdsEyeView }, evidence) { Checker = checker, Frame = frame, Metadata = header.Metadata };
        if (parallel)
        {
            var added = 0;
            foreach (var size in batches ?? [byItem.Count])
            {
                audit.AddItems("d.jsonl", byItem[added..(added + size)]);
                added += size;
            }
        }
        else
        {
            byItem.ForEach(item => audit.AddItem("d.jsonl", item));
        }

        return new Audited(audit, audit.Finish(header.Field, new BootstrapOptions { Seed = BatchAudit.DefaultSeed }), evidence, frame);
    }

    private static void AssertSame(Audited sequential, Audited parallel)
    {
        var bootstrap = new BootstrapOptions { Seed = BatchAudit.DefaultSeed };
        Assert.Equal(ReportJson.Serialize(sequential.Audit.ToState()), ReportJson.Serialize(parallel.Audit.ToState()));
        Assert.Equal(ReportJson.Serialize(AgreementSuiteView.From(sequential.Result, bootstrap)), ReportJson.Serialize(AgreementSuiteView.From(parallel.Result, bootstrap)));
        Assert.Equal(
            ReportJson.Serialize(sequential.Result.Spatial.IsEmpty ? null : SpatialReportView.From(sequential.Result.Spatial, bootstrap)),
            ReportJson.Serialize(parallel.Result.Spatial.IsEmpty ? null : SpatialReportView.From(parallel.Result.Spatial, bootstrap)));
        Assert.Equal(ReportJson.Serialize(sequential.Evidence), ReportJson.Serialize(parallel.Evidence));
        Assert.Equal(ReportJson.Serialize(sequential.Frame), ReportJson.Serialize(parallel.Frame));
        Assert.Equal(ReportJson.Serialize(sequential.Result.Violations?.ToView()), ReportJson.Serialize(parallel.Result.Violations?.ToView()));
    }

    /// <summary>The delivery's annotations grouped by item, in order of first appearance (as <see cref="BatchAuditReader"/> groups them).</summary>
    private static async Task<(DeliveryHeader Header, List<List<Annotation>> ByItem)> ItemsAsync(byte[] delivery, string file)
    {
        using var reader = new CanonicalDeliveryReader(new MemoryStream(delivery), file);
        var header = await reader.ReadHeaderAsync(CancellationToken.None);
        var byItem = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        while (await reader.ReadAnnotationAsync(CancellationToken.None) is { } annotation)
        {
            if (!byItem.TryGetValue(annotation.Item, out var annotations))
            {
                byItem[annotation.Item] = annotations = [];
            }

            annotations.Add(annotation);
        }

        return (header, [.. byItem.Values]);
    }

    private static Annotation Tag(int item, string annotator, string label, long line) =>
        new($"f-{item}", annotator, AnnotatorRole.Annotator, "weather", label, line);
}
