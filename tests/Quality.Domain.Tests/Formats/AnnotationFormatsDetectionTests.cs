using Quality.Domain.Formats;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary><see cref="AnnotationFormats.Detect"/> on every vendored export and on content it must refuse.</summary>
public sealed class AnnotationFormatsDetectionTests
{
    [Theory]
    [InlineData("ls-evalme-3annotators", "test_bbox.json", "label-studio")]
    [InlineData("ls-evalme-3annotators", "test_old_format.json", "label-studio")]
    [InlineData("ls-sdk-2annotators", "data.json", "label-studio")]
    [InlineData("ls-vs-cvat-cats", "project-1-at-2025-06-19-14-54-b0c66fa7.json", "label-studio")]
    [InlineData("coco-val2014-100", "instances_val2014_100.json", "coco")]
    [InlineData("coco-val2014-100", "instances_val2014_fakebbox100_results.json", "coco-results")]
    [InlineData("coco-val2014-100", "instances_val2014_fakesegm100_results.json", "coco-results")]
    public async Task Detect_picks_the_format_of_each_vendored_file(string folder, string file, string format)
    {
        await using var stream = File.OpenRead(SharedData(folder, file));

        var head = await AnnotationFormats.ReadHeadAsync(stream, CancellationToken.None);

        Assert.Equal(format, AnnotationFormats.Detect(head, file).Name);
    }

    [Theory]
    [InlineData("""[{"sample_token": "s", "translation": [0, 0, 0]}]""", "nuscenes")]
    [InlineData("""{"meta": {}, "results": {"s": []}}""", "nuscenes")]
    [InlineData("item,annotator,field,value\n", "csv")]
    public void Detect_picks_the_format_of_hand_made_heads(string head, string format) =>
        Assert.Equal(format, AnnotationFormats.Detect(System.Text.Encoding.UTF8.GetBytes(head), "f").Name);

    [Theory]
    [InlineData("""{"hello": "world"}""")]
    [InlineData("""[{"id": 1, "data": {"image": "a.jpg"}}]""")]
    [InlineData("<annotations><image/></annotations>")]
    [InlineData("")]
    public void Unknown_content_is_a_typed_error_naming_the_file(string head)
    {
        var error = Assert.Throws<DeliveryFormatException>(() => AnnotationFormats.Detect(System.Text.Encoding.UTF8.GetBytes(head), "mystery.json"));

        Assert.Equal(("mystery.json", "format"), (error.File, error.Field));
    }
}
