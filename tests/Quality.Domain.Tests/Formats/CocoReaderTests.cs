using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary>COCO instances and results as docs/formats/coco.md states; counts from coco-val2014-100/SOURCE.md.</summary>
public sealed class CocoReaderTests
{
    private static readonly string Instances = SharedData("coco-val2014-100", "instances_val2014_100.json");
    private static readonly string Results = SharedData("coco-val2014-100", "instances_val2014_fakebbox100_results.json");

    [Fact]
    public async Task Instances_give_830_boxes_on_100_images_without_the_9_crowd_regions()
    {
        // The file puts annotations before images and categories: this also reads them again after a rewind.
        var boxes = await ReadFileAsync("coco", Instances, new FileRole("gt.json", Role: AnnotatorRole.Gold));

        Assert.Equal(839 - 9, boxes.Count);
        Assert.Equal(100, boxes.Select(b => b.Item).Distinct().Count());
        Assert.All(boxes, b => Assert.Equal(("gold", AnnotatorRole.Gold), (b.Annotator, b.Role)));
        Assert.Equal(250, boxes.Count(b => b.Label == "person"));

        // The first annotation, id 1774: a dog on image 74 (640 x 426), bbox [61.87, 276.25, 296.42, 103.18].
        var dog = boxes[0];
        Assert.Equal(("74", "1774", "dog"), (dog.Item, dog.Id, dog.Label));
        Assert.Equal(new Domain.Geometry.Box2D(61.87, 276.25, 296.42, 103.18), dog.Box);
        Assert.Equal(new ImageSize(640, 426), dog.Image);
    }

    [Fact]
    public async Task Instances_reader_exposes_the_80_category_names_for_results_files()
    {
        using var reader = AnnotationFormats.Find("coco")!.Open(File.OpenRead(Instances), new FileRole("gt.json", Annotator: "gt"));
        Assert.Null(((ILabelNames)reader).LabelNames);
        while (await reader.ReadAsync(CancellationToken.None) is not null)
        {
        }

        var names = ((ILabelNames)reader).LabelNames!;
        Assert.Equal(80, names.Count);
        Assert.Equal("person", names["1"]);
    }

    [Fact]
    public async Task Results_give_734_detections_on_99_images_named_by_the_ground_truth_categories()
    {
        var names = await CategoryNamesAsync();

        var detections = await ReadFileAsync("coco-results", Results, new FileRole("dt.json", Annotator: "detector-v1", LabelNames: names));

        Assert.Equal(734, detections.Count);
        Assert.Equal(99, detections.Select(d => d.Item).Distinct().Count());
        var first = detections[0];
        Assert.Equal(("42", "dog", "0.236"), (first.Item, first.Label, first.Attributes!["score"]));
        Assert.Equal(new Domain.Geometry.Box2D(258.15, 41.29, 348.26, 243.78), first.Box);
    }

    [Fact]
    public async Task Results_without_category_names_name_the_file_and_category_id()
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() =>
            ReadFileAsync("coco-results", Results, new FileRole("dt.json", Annotator: "detector-v1")));

        Assert.Equal(("dt.json", "[0].category_id"), (error.File, error.Field));
        Assert.Contains("18 cannot be named", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_annotator_is_an_error_naming_the_file()
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadFileAsync("coco", Instances, new FileRole("gt.json")));

        Assert.Equal(("gt.json", "annotator"), (error.File, error.Field));
    }

    [Fact]
    public async Task Annotations_before_images_on_a_forward_only_stream_are_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() =>
            ReadAllAsync("coco", new ForwardOnlyStream(File.OpenRead(Instances)), new FileRole("gt.json", Annotator: "a")));

        Assert.Equal("annotations", error.Field);
        Assert.Contains("seekable", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Images_and_categories_first_stream_in_one_pass_from_a_forward_only_stream()
    {
        const string json = """
            {"info": {"year": 2014}, "images": [{"id": 7, "width": 100, "height": 50}], "categories": [{"id": 3, "name": "car"}],
             "annotations": [{"id": 1, "image_id": 7, "category_id": 3, "bbox": [1, 2, 3, 4], "iscrowd": 0},
                             {"id": 2, "image_id": 7, "category_id": 3, "bbox": [0, 0, 9, 9], "iscrowd": 1}]}
            """;

        var box = Assert.Single(await ReadAllAsync("coco", new ForwardOnlyStream(Encoding.UTF8.GetBytes(json)), new FileRole("gt.json", Annotator: "a")));

        Assert.Equal(("7", "car", new ImageSize(100, 50)), (box.Item, box.Label, box.Image));
    }

    [Theory]
    [InlineData("""{"id": 1, "image_id": 8, "category_id": 3, "bbox": [1, 2, 3, 4]}""", "annotations[0].image_id", "annotation 0 (id 1) at byte ")]
    [InlineData("""{"id": 1, "image_id": 7, "category_id": 4, "bbox": [1, 2, 3, 4]}""", "annotations[0].category_id", "annotation 0 (id 1) at byte ")]
    [InlineData("""{"id": 1, "image_id": 7, "category_id": 3, "bbox": [1, 2, -3, 4]}""", "annotations[0].bbox", "annotation 0 (id 1) at byte ")]
    [InlineData("""{"id": 1, "image_id": 7, "category_id": 3, "bbox": [1, 2, 3]}""", "annotations[0].bbox", "annotation 0 (id 1) at byte ")]
    public async Task Bad_annotations_name_the_field_path(string annotation, string field, string position)
    {
        var json = $$"""{"images": [{"id": 7, "width": 100, "height": 50}], "categories": [{"id": 3, "name": "car"}], "annotations": [{{annotation}}]}""";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("coco", json, new FileRole("gt.json", Annotator: "a")));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(position, error.Problem, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyDictionary<string, string>> CategoryNamesAsync()
    {
        using var reader = AnnotationFormats.Find("coco")!.Open(File.OpenRead(Instances), new FileRole("gt.json", Annotator: "gt"));
        while (await reader.ReadAsync(CancellationToken.None) is not null)
        {
        }

        return ((ILabelNames)reader).LabelNames!;
    }
}
