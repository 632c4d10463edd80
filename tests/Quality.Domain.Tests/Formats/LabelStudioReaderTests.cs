using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary>Label Studio exports as docs/formats/label-studio.md states; counts from the files' SOURCE.md.</summary>
public sealed class LabelStudioReaderTests
{
    [Fact]
    public async Task Evalme_export_gives_91_boxes_by_3_annotators_and_ignores_predictions()
    {
        var boxes = await ReadFileAsync("label-studio", SharedData("ls-evalme-3annotators", "test_bbox.json"));

        Assert.Equal(91, boxes.Count);
        Assert.All(boxes, b => Assert.NotNull(b.Box));
        Assert.Equal(5, boxes.Select(b => b.Item).Distinct().Count());
        Assert.Equal(["1", "2", "3"], boxes.Select(b => b.Annotator).Distinct().Order());
        Assert.Equal(
            [("Car", 54), ("Obstacle", 15), ("Road", 22)],
            boxes.GroupBy(b => b.Label).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key));
        Assert.All(boxes, b => Assert.Equal(new ImageSize(320, 240), b.Image));
        Assert.DoesNotContain(boxes, b => b.Annotator.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evalme_first_box_is_percent_times_image_size()
    {
        var first = (await ReadFileAsync("label-studio", SharedData("ls-evalme-3annotators", "test_bbox.json")))[0];

        // "x": 36.25, "y": 61.666666666666664, "width": 8.125, "height": 9.583333333333334 of 320 x 240.
        Assert.Equal(("187", "1", "SMiPhTvFAt", "Car"), (first.Item, first.Annotator, first.Id, first.Label));
        Assert.Equal(116, first.Box!.X, 9);
        Assert.Equal(148, first.Box.Y, 9);
        Assert.Equal(26, first.Box.Width, 9);
        Assert.Equal(23, first.Box.Height, 9);
        Assert.Equal(AnnotatorRole.Annotator, first.Role);
    }

    [Fact]
    public async Task Sdk_export_reads_bare_integer_completed_by_and_pixel_boxes()
    {
        var boxes = await ReadFileAsync("label-studio", SharedData("ls-sdk-2annotators", "data.json"));

        Assert.Equal(6, boxes.Count);
        Assert.Equal(4, boxes.Count(b => b.Label == "white"));
        Assert.Equal(2, boxes.Count(b => b.Label == "parasites"));
        Assert.Equal(["1", "2"], boxes.Where(b => b.Item == "1").Select(b => b.Annotator).Distinct().Order());

        // Region C7oHaRDVVC: x 37.15846994535519 %, y 70.67395264116576 %, w 4.189435336976321 %, h 4.735883424408015 % of 2800 x 2800.
        var box = boxes.Single(b => b.Id == "C7oHaRDVVC");
        Assert.Equal("2", box.Annotator);
        Assert.Equal(1040.43715846994532, box.Box!.X, 9);
        Assert.Equal(1978.87067395264128, box.Box.Y, 9);
        Assert.Equal(117.30418943533699, box.Box.Width, 9);
        Assert.Equal(132.60473588342442, box.Box.Height, 9);
        Assert.Equal(new ImageSize(2800, 2800), box.Image);
    }

    [Fact]
    public async Task Cats_export_gives_14_tasks_and_24_boxes()
    {
        var boxes = await ReadFileAsync("label-studio", SharedData("ls-vs-cvat-cats", "project-1-at-2025-06-19-14-54-b0c66fa7.json"));

        Assert.Equal(24, boxes.Count);
        Assert.Equal(14, boxes.Select(b => b.Item).Distinct().Count());
        Assert.Equal(19, boxes.Count(b => b.Label == "Cat"));
        Assert.Equal(5, boxes.Count(b => b.Label == "Cats"));
        Assert.All(boxes, b => Assert.Equal("1", b.Annotator));
    }

    [Fact]
    public async Task Legacy_completions_read_choices_as_tags_and_multi_choice_as_one_sorted_label()
    {
        // The legacy completions carry no completed_by: the annotator the delivery declares is used.
        var tags = await ReadFileAsync("label-studio", SharedData("ls-evalme-3annotators", "test_old_format.json"), new FileRole("old.json", Annotator: "vendor-7"));

        Assert.Equal(["Neutral", "Evil", "Evil|Neutral"], tags.Select(t => t.Label));
        Assert.All(tags, t => Assert.Equal(("6057960", "vendor-7", "sentiment", true), (t.Item, t.Annotator, t.Field, t.IsTag)));
    }

    [Fact]
    public async Task Legacy_completions_without_completed_by_count_each_as_its_own_annotator_and_warn()
    {
        using var reader = AnnotationFormats.Find("label-studio")!.Open(File.OpenRead(SharedData("ls-evalme-3annotators", "test_old_format.json")), new FileRole("old.json"));
        var tags = new List<Annotation>();
        while (await reader.ReadAsync(CancellationToken.None) is { } tag)
        {
            tags.Add(tag);
        }

        // No completed_by and no id: each completion is named by its place in its task.
        Assert.Equal(["task-6057960-completions-0", "task-6057960-completions-1", "task-6057960-completions-2"], tags.Select(t => t.Annotator));
        var warning = Assert.Single(((IReportsWarnings)reader).Warnings);
        Assert.Equal(("old.json", 1L, "completions[0].completed_by"), (warning.File, warning.Line, warning.Field));
        Assert.StartsWith("3 annotations name no annotator (no completed_by), so each is counted as an annotator of its own, named after its id or place (the first: 'task-6057960-completions-0')", warning.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_without_completed_by_gives_the_published_alpha_of_its_data()
    {
        // Krippendorff (2011)'s reliability data as a Label Studio export of older versions: one choices result per
        // annotation, annotations with ids but no completed_by. Alpha pools the values of each unit, whoever gave
        // them, so it is the published 0.743 (113/152) though no annotator is named.
        var lines = await File.ReadAllLinesAsync(Quality.Tests.Shared.Repository.Sample("krippendorff-2011.jsonl"));
        var tasks = lines.Skip(1).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .GroupBy(a => a.GetProperty("item").GetString()!)
            .Select((unit, t) => "{\"id\": " + (t + 1) + ", \"annotations\": [" + string.Join(", ", unit.Select((a, i) =>
                "{\"id\": " + ((t * 10) + i) + ", \"result\": [{\"type\": \"choices\", \"from_name\": \"value\", \"to_name\": \"text\", \"value\": {\"choices\": [\"" + a.GetProperty("label").GetString() + "\"]}}]}")) + "]}");
        var export = "[" + string.Join(",\n", tasks) + "]";
        using var reader = AnnotationFormats.Find("label-studio")!.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(export)), new FileRole("ls.json"));
        var header = new Quality.Domain.Formats.Canonical.DeliveryHeader("d", "p", "v", new("none", "0.0.0"), ["frame-tags"]);

        var audit = await Quality.Domain.Audit.DeliveryAuditor.AuditAsync(header, reader, "ls.json", CancellationToken.None);

        Assert.Equal(113.0 / 152, audit.Metrics.KrippendorffAlphaNominal, 12);
        Assert.Equal(41, audit.Metrics.Annotators);
        Assert.Contains("41 annotations name no annotator (no completed_by)", Assert.Single(audit.Warnings).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotated_rectangle_becomes_its_axis_aligned_bounds_with_the_rotation_kept()
    {
        // 10 % x 10 % of 200 x 100 at (50 %, 50 %) = 20 x 10 px at (100, 50), turned 90° clockwise about its top-left
        // corner: it then spans x 90..100 and y 50..70.
        var box = Assert.Single(await ReadTextAsync("label-studio", Task(Rectangle(50, 50, 10, 10, 90, "car")), new FileRole("ls.json"))).Box!;

        Assert.Equal(90, box.X, 9);
        Assert.Equal(50, box.Y, 9);
        Assert.Equal(10, box.Width, 9);
        Assert.Equal(20, box.Height, 9);
    }

    [Fact]
    public async Task Rotation_is_an_attribute_ground_truth_is_gold_and_cancelled_annotations_are_skipped()
    {
        var json = $$"""
            [{"id": "t-1", "annotations": [
              {"completed_by": {"id": 9, "email": "someone@example.org"}, "ground_truth": true, "result": [{{Rectangle(1, 2, 3, 4, 30, "car")}}]},
              {"completed_by": 5, "was_cancelled": true, "result": [{{Rectangle(1, 2, 3, 4, 0, "car")}}]}]}]
            """;
        var box = Assert.Single(await ReadTextAsync("label-studio", json, new FileRole("ls.json")));

        Assert.Equal(("9", AnnotatorRole.Gold, "30"), (box.Annotator, box.Role, box.Attributes!["rotation"]));
    }

    [Fact]
    public async Task Declared_role_wins_over_ground_truth()
    {
        var box = Assert.Single(await ReadTextAsync("label-studio", Task(Rectangle(1, 2, 3, 4, 0, "car"), groundTruth: true), new FileRole("ls.json", Role: AnnotatorRole.Reviewer)));

        Assert.Equal(AnnotatorRole.Reviewer, box.Role);
    }

    [Fact]
    public async Task Per_region_choices_become_attributes_of_their_box()
    {
        var regionChoice = """{"id": "r1", "type": "choices", "from_name": "occlusion", "to_name": "image", "value": {"choices": ["partly"]}}""";
        var box = Assert.Single(await ReadTextAsync("label-studio", Task(regionChoice + "," + Rectangle(1, 2, 3, 4, 0, "car")), new FileRole("ls.json")));

        Assert.Equal("partly", box.Attributes!["occlusion"]);
    }

    [Theory]
    [InlineData("""{"id": "r1", "type": "polygonlabels", "value": {"points": [[1, 2]], "polygonlabels": ["car"]}}""", "annotations[0].result[0].type")]
    [InlineData("""{"id": "r1", "type": "rectanglelabels", "original_width": 10, "original_height": 10, "value": {"x": 1, "y": 1, "width": -3, "height": 1, "rectanglelabels": ["car"]}}""", "annotations[0].result[0].value.width")]
    [InlineData("""{"id": "r1", "type": "rectanglelabels", "value": {"x": 1, "y": 1, "width": 3, "height": 1, "rectanglelabels": ["car"]}}""", "annotations[0].result[0].original_width")]
    [InlineData("""{"id": "r1", "type": "rectanglelabels", "original_width": 10, "original_height": 10, "value": {"x": 1, "y": 1, "width": 3, "height": 1, "rectanglelabels": ["car", "bus"]}}""", "annotations[0].result[0].value.rectanglelabels")]
    public async Task Bad_results_name_task_byte_and_field_path(string result, string field)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("label-studio", Task(result), new FileRole("ls.json")));

        Assert.Equal(("ls.json", 1L, field), (error.File, error.Line, error.Field));
        Assert.StartsWith("task 0 (id 17) at byte 1:", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_areas_and_relations_are_passed_over()
    {
        var notes = """{"type": "textarea", "from_name": "notes", "value": {"text": ["blurry"]}}, {"type": "relation", "from_id": "a", "to_id": "b"}""";

        Assert.Empty(await ReadTextAsync("label-studio", Task(notes), new FileRole("ls.json")));
    }

    [Fact]
    public async Task E_mail_as_completed_by_is_rejected_not_propagated()
    {
        var json = """[{"id": 17, "annotations": [{"completed_by": "someone@example.org", "result": []}]}]""";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("label-studio", json, new FileRole("ls.json")));

        Assert.Equal("annotations[0].completed_by", error.Field);
        Assert.DoesNotContain("someone", error.Message, StringComparison.Ordinal);
    }

    private static string Task(string results, bool groundTruth = false) =>
        $$"""[{"id": 17, "annotations": [{"completed_by": 1, "ground_truth": {{(groundTruth ? "true" : "false")}}, "result": [{{results}}]}], "predictions": [{"result": []}]}]""";

    private static string Rectangle(double x, double y, double width, double height, double rotation, string label) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$$"""{"id": "r1", "type": "rectanglelabels", "from_name": "label", "to_name": "image", "original_width": 200, "original_height": 100, "value": {"x": {{{x}}}, "y": {{{y}}}, "width": {{{width}}}, "height": {{{height}}}, "rotation": {{{rotation}}}, "rectanglelabels": ["{{{label}}}"]}}""");
}
