using System.Globalization;
using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Manifest;
using Quality.Domain.Geometry;
using Quality.Domain.Sampling;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// <see cref="ManifestDeliveryReader.ReadItemsAsync"/> (<see cref="ManifestItemMerge"/>) and the audit that streams it
/// (<see cref="DeliveryAuditor"/>): the same items, annotations and figures as reading the files one after another,
/// whatever order their frames are in, and a few items held when the files share one order.
/// </summary>
public sealed class ManifestItemMergeTests
{
    private const int Frames = 120;
    private const string Files = """
        {"path":"gold.json","format":"nuscenes","role":"gold"},{"path":"ann-01.json","format":"nuscenes","annotator":"ann-01"},
        {"path":"ann-02.json","format":"nuscenes","annotator":"ann-02"},{"path":"ann-03.json","format":"nuscenes","annotator":"ann-03"}
        """;

    [Fact]
    public async Task ReadItemsAsync_FilesInOneOrder_HoldsTwoItemsAtMostAndGroupsAsReadAsyncDoes()
    {
        var files = Delivery();

        using var reader = Reader(files);
        var items = await ItemsAsync(reader);

        Assert.Equal(Frames, items.Count);
        Assert.Equal(await GroupedAsync(files), items.Select(Shown));
        // The file being read stands on the next item while the others finish this one: two items, whatever the frames.
        Assert.InRange(reader.MostItemsHeld, 1, 2);
    }

    [Fact]
    public async Task ReadItemsAsync_AnnotatorFrameOutsideGoldMidway_HoldsThatFrameBesideAFewAndGroupsAsReadAsyncDoes()
    {
        var files = Delivery();
        var ann01 = Boxes("ann-01").ToList();
        ann01.InsertRange(3 * 60, Boxes("ann-01").Where(b => b.Frame == 7).Select(b => b with { Frame = 7_000 }));
        files["ann-01.json"] = Records(ann01);

        using var reader = Reader(files);
        var items = await ItemsAsync(reader);

        // The frame outside gold comes last, after gold's 120, as ReadAsync's grouping has it; the rest still streams.
        Assert.Equal(await GroupedAsync(files), items.Select(Shown));
        Assert.Equal("s7000", items[^1][0].Item);
        Assert.InRange(reader.MostItemsHeld, 2, 4);
    }

    [Fact]
    public async Task ReadItemsAsync_GoldOnEveryThirdFrame_HoldsTheItemsOutsideGoldAndGroupsAsReadAsyncDoes()
    {
        var files = Delivery();
        files["gold.json"] = Records(Boxes("gold").Where(b => b.Frame % 3 == 0));

        using var reader = Reader(files);
        var items = await ItemsAsync(reader);

        // Gold's 40 frames first, then the annotators' other 80 in ann-01's order: those wait for gold's end, held.
        Assert.Equal(await GroupedAsync(files), items.Select(Shown));
        Assert.Equal(["s0", "s3", "s117", "s1", "s118", "s119"], items.Take(2).Concat(items.Skip(39).Take(2)).Concat(items.TakeLast(2)).Select(i => i[0].Item));
        Assert.InRange(reader.MostItemsHeld, Frames * 2 / 3, Frames);
    }

    [Fact]
    public async Task ReadItemsAsync_FileReturnsToAnItemGivenOut_ThrowsItemOrder()
    {
        var files = Delivery();
        // Frames 10 and 11 swapped in ann-01: it stands on frame 11, after frame 10 in gold's order, so frame 10 is
        // given out before ann-01 reaches its boxes.
        files["ann-01.json"] = Records(Boxes("ann-01").OrderBy(b => b.Frame switch { 10 => 11, 11 => 10, var f => f }));

        using var reader = Reader(files);

        await Assert.ThrowsAsync<ItemOrderException>(() => ItemsAsync(reader));
    }

    /// <summary>
    /// Each order, and whether the files merge: a file that comes back to a frame gold's order has passed (reversed,
    /// shuffled, two frames swapped) cannot, and the audit reads the delivery whole instead; one that only skips a frame can.
    /// </summary>
    public static TheoryData<string, bool> Orders => new()
    {
        { "sorted", true }, { "ann-02 reversed", false }, { "ann-01 frames shuffled", false }, { "ann-03 records shuffled", false },
        { "ann-01 frames swapped", false }, { "ann-02 skips a frame", true },
    };

    /// <summary>
    /// Annotator files in other orders than gold's: merged, or read whole when they cannot be, the same figures as when
    /// every file is in gold's order.
    /// </summary>
    [Theory]
    [MemberData(nameof(Orders))]
    public async Task AuditAsync_AnnotatorFilesInAnotherOrder_SameReportAsSorted(string order, bool merges)
    {
        var sorted = Delivery();
        var files = Delivery();
        var random = new Random(7);
        switch (order)
        {
            case "ann-02 reversed":
                files["ann-02.json"] = Records(Boxes("ann-02").Reverse());
                break;
            case "ann-01 frames shuffled":
                var frames = Enumerable.Range(0, Frames).OrderBy(_ => random.Next()).ToList();
                files["ann-01.json"] = Records(Boxes("ann-01").OrderBy(b => frames.IndexOf(b.Frame)));
                break;
            case "ann-03 records shuffled":
                files["ann-03.json"] = Records(Boxes("ann-03").OrderBy(_ => random.Next()));
                break;
            case "ann-01 frames swapped":
                files["ann-01.json"] = Records(Boxes("ann-01").OrderBy(b => b.Frame switch { 10 => 11, 11 => 10, var f => f }));
                break;
            case "ann-02 skips a frame":
                (sorted["ann-02.json"], files["ann-02.json"]) = (Records(Boxes("ann-02").Where(b => b.Frame != 5)), Records(Boxes("ann-02").Where(b => b.Frame != 5)));
                break;
        }

        using (var reader = Reader(files))
        {
            if (merges)
            {
                Assert.Equal(await GroupedAsync(files), (await ItemsAsync(reader)).Select(Shown));
            }
            else
            {
                await Assert.ThrowsAsync<ItemOrderException>(() => ItemsAsync(reader));
            }
        }

        var (merged, whole, ofSorted) = (await AuditedAsync(files, merge: true), await AuditedAsync(files, merge: false), await AuditedAsync(sorted, merge: true));

        Assert.Equal(whole, merged);
        // Within an item the annotations come file after file, whatever each file's order: the same figures.
        Assert.Equal(ofSorted.Figures, merged.Figures);
    }

    [Fact]
    public async Task AuditAsync_GoldReversedAndAnItemOutsideGold_SameReportAsReadingWhole()
    {
        var files = Delivery();
        files["gold.json"] = Records(Boxes("gold").Reverse());
        files["ann-01.json"] = Records(Boxes("ann-01").Select(b => b.Frame == 30 ? b with { Frame = 1_000 } : b));
        using (var reader = Reader(files))
        {
            // Gold reversed, the annotators come back to frames gold has passed: the audit reads the delivery whole.
            await Assert.ThrowsAsync<ItemOrderException>(() => ItemsAsync(reader));
        }

        Assert.Equal(await AuditedAsync(files, merge: false), await AuditedAsync(files, merge: true));
    }

    [Fact]
    public async Task AuditAsync_SyntaxErrorInAnnotator2AndALaterErrorInAnnotator1_Annotator1sErrorAsReadingWhole()
    {
        var files = Delivery();
        files["ann-01.json"] = Records(Boxes("ann-01").Select(b => b.Frame == Frames - 1 && b.Index == 1 ? b with { Length = -2.5 } : b)); // its last frame's second box
        var ann02 = Records(Boxes("ann-02"));
        files["ann-02.json"] = ann02.Insert(ann02.Length / 3, "{{");

        var (whole, merged) = (await AuditErrorAsync(files, merge: false), await AuditErrorAsync(files, merge: true));

        Assert.Equal(("p/v/d/ann-01.json", "[" + ((3 * Frames) - 2).ToString(CultureInfo.InvariantCulture) + "].size"), (whole.File, whole.Field));
        Assert.Equal(whole.Message, merged.Message);
    }

    [Fact]
    public async Task AuditAsync_FileWithNoItemOfGold_SameErrorAsReadingWhole()
    {
        var files = Delivery();
        files["ann-03.json"] = Records(Boxes("ann-03").Select(b => b with { Frame = b.Frame + 5_000 }));

        var (whole, merged) = (await AuditErrorAsync(files, merge: false), await AuditErrorAsync(files, merge: true));

        Assert.Equal(("p/v/d/ann-03.json", "item"), (whole.File, whole.Field));
        Assert.Equal(whole.Message, merged.Message);
    }

    private sealed record Box(int Frame, int Index, string Token, double X, double Y, double Length, string Class);

    /// <summary>Three boxes a frame: gold's, and each annotator's moved by a few centimetres, one frame in ten relabelled.</summary>
    private static IEnumerable<Box> Boxes(string file)
    {
        var random = new Random(file.Sum(c => c));
        for (var frame = 0; frame < Frames; frame++)
        {
            for (var i = 0; i < 3; i++)
            {
                var shift = file == "gold" ? 0 : (random.NextDouble() - 0.5) * 0.3;
                var relabel = file != "gold" && i == 0 && frame % 10 == 3;
                yield return new Box(frame, i, $"{file}-{frame}-{i}", (10 * i) + shift, 5 + shift, i == 1 ? 2.5 : 4.5, relabel ? "truck" : i == 2 ? "pedestrian" : "car");
            }
        }
    }

    private static string Records(IEnumerable<Box> boxes) => "[" + string.Join(",\n", boxes.Select(b => string.Create(CultureInfo.InvariantCulture,
        $$"""{"token":"{{b.Token}}","sample_token":"s{{b.Frame}}","translation":[{{b.X}},{{b.Y}},0.5],"size":[{{b.Length}},{{b.Length * 2}},1.6],"rotation":[1,0,0,0],"category_name":"{{b.Class}}"}"""))) + "]";

    private static Dictionary<string, string> Delivery() => new()
    {
        ["gold.json"] = Records(Boxes("gold")),
        ["ann-01.json"] = Records(Boxes("ann-01")),
        ["ann-02.json"] = Records(Boxes("ann-02")),
        ["ann-03.json"] = Records(Boxes("ann-03")),
    };

    private static DeliveryManifest Manifest() => ManifestParser.Parse(Encoding.UTF8.GetBytes(
        """{"format":"serverless-quality.manifest","version":1,"taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["cuboids-3d"],"files":[""" + Files + "]}"),
        "p/v/d/manifest.json", ("d", "p", "v"));

    private static ManifestDeliveryReader Reader(Dictionary<string, string> files, bool readAhead = false) =>
        new(Manifest(), new MemoryFiles(files), "p/v/d/manifest.json") { ReadAhead = readAhead };

    private static async Task<List<IReadOnlyList<Annotation>>> ItemsAsync(ManifestDeliveryReader reader)
    {
        var items = new List<IReadOnlyList<Annotation>>();
        await foreach (var item in reader.ReadItemsAsync(CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>ReadAsync's annotations grouped by item in order of first appearance, as <see cref="BatchAuditReader"/> groups them.</summary>
    private static async Task<List<string>> GroupedAsync(Dictionary<string, string> files)
    {
        using var reader = Reader(files);
        var byItem = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(CancellationToken.None) is { } annotation)
        {
            if (!byItem.TryGetValue(annotation.Item, out var annotations))
            {
                byItem[annotation.Item] = annotations = [];
            }

            annotations.Add(annotation);
        }

        return [.. byItem.Values.Select(Shown)];
    }

    private static string Shown(IReadOnlyList<Annotation> item) =>
        string.Join(" | ", item.Select(a => $"{a.Item} {a.Annotator} {a.Role} {a.Label} {a.Line} {a.File} {a.Id} {a.Cuboid}"));

    /// <summary>The audit's figures, evidence and review frame, as JSON; <paramref name="merge"/>: items merged, else read whole.</summary>
    private static async Task<Report> AuditedAsync(Dictionary<string, string> files, bool merge)
    {
        var (evidence, frame) = (new List<EvidencePair>(), new List<ReviewUnit>());
        var spatial = new SpatialOptions { CuboidMode = CuboidIouMode.BirdsEyeView };
        var audit = merge
            ? await DeliveryAuditor.AuditAsync(Manifest().Header, () => Reader(files, readAhead: true), "manifest.json", CancellationToken.None, spatial: spatial, frame: frame, evidence: evidence)
            : await AuditWholeAsync(files, spatial, frame, evidence);
        var figures = ReportJson.Serialize(CountsView.From(audit.Metrics)) + ReportJson.Serialize(AgreementSuiteView.From(audit.Result, audit.Bootstrap))
            + ReportJson.Serialize(SpatialReportView.From(audit.Result.Spatial, audit.Bootstrap));
        return new Report(figures, ReportJson.Serialize(evidence), ReportJson.Serialize(frame), ReportJson.Serialize(audit.Warnings));
    }

    private static async Task<DeliveryAudit> AuditWholeAsync(Dictionary<string, string> files, SpatialOptions spatial, List<ReviewUnit> frame, List<EvidencePair> evidence)
    {
        using var reader = Reader(files);
        return await DeliveryAuditor.AuditAsync(Manifest().Header, reader, "manifest.json", CancellationToken.None, spatial: spatial, frame: frame, evidence: evidence);
    }

    private static async Task<DeliveryFormatException> AuditErrorAsync(Dictionary<string, string> files, bool merge) =>
        await Assert.ThrowsAsync<DeliveryFormatException>(() => merge
            ? DeliveryAuditor.AuditAsync(Manifest().Header, () => Reader(files, readAhead: true), "manifest.json", CancellationToken.None)
            : AuditWholeAsync(files, new SpatialOptions(), [], []));

    private sealed record Report(string Figures, string Evidence, string Frame, string Warnings);

    private sealed class MemoryFiles(Dictionary<string, string> files) : IDeliveryFiles
    {
        public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(files.TryGetValue(path, out var text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null);
    }
}
