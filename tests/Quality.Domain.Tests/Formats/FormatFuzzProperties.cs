using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Formats;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// Every reader on random bytes and on damaged valid samples: it reads to the end or raises
/// <see cref="DeliveryFormatException"/>; never another exception, never a hang (each read has a deadline).
/// Inputs stay a few KiB so a run takes seconds.
/// </summary>
public sealed class FormatFuzzProperties
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static readonly FileRole Role = new("fuzz", Annotator: "a", LabelNames: new Dictionary<string, string> { ["3"] = "car" });

    /// <summary>A small valid file per format, as its reader accepts it.</summary>
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["canonical"] = """
            {"format":"serverless-quality.canonical","version":1,"deliveryId":"d-1","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["frame-tags","boxes-2d"]}
            {"item":"f-1","annotator":"a","field":"weather","label":"fog"}
            {"item":"f-1","annotator":"b","id":"o-1","label":"car","geometry":{"type":"box2d","x":1,"y":2,"width":3,"height":4},"attributes":{"occluded":true}}
            """,
        ["csv"] = "item,annotator,field,value\nf-1,a,weather,fog\n\"f-2\",b,weather,\"rain, \"\"heavy\"\"\"\n",
        ["label-studio"] = """
            [{"id": 17, "annotations": [{"completed_by": {"id": 1, "email": "x@example.org"}, "ground_truth": false, "was_cancelled": false,
              "result": [{"id": "r1", "type": "rectanglelabels", "original_width": 200, "original_height": 100,
                          "value": {"x": 10.5, "y": 20, "width": 30, "height": 40, "rotation": 15, "rectanglelabels": ["car"]}},
                         {"id": "r2", "type": "choices", "from_name": "weather", "value": {"choices": ["fog", "rain"]}},
                         {"id": "r1", "type": "choices", "from_name": "occlusion", "value": {"choices": ["partly"]}}]}],
              "predictions": [{"result": []}]},
             {"id": "t-2", "completions": [{"completed_by": 2, "result": [[{"type": "choices", "from_name": "s", "value": {"choices": ["a"]}}]]}]}]
            """,
        ["coco"] = """
            {"annotations": [{"id": 1, "image_id": 7, "category_id": 3, "bbox": [1.5, 2, 3, 4], "iscrowd": 0, "area": 12},
                             {"id": 2, "image_id": 7, "category_id": 3, "bbox": [0, 0, 9, 9], "iscrowd": 1}],
             "images": [{"id": 7, "width": 100, "height": 50, "file_name": "a.jpg"}],
             "info": {"year": 2014, "nested": [[1], {"a": null}]},
             "categories": [{"id": 3, "name": "car", "supercategory": "vehicle"}]}
            """,
        ["coco-results"] = """
            [{"image_id": 7, "category_id": 3, "bbox": [1, 2, 3, 4], "score": 0.9},
             {"image_id": "8", "category_id": 3, "bbox": [0.5, 0.25, 1e3, 2], "score": 0.1}]
            """,
        ["nuscenes"] = """
            {"meta": {"use_lidar": true},
             "results": {"s-1": [{"sample_token": "s-1", "translation": [1, 2, 3], "size": [2, 4, 1.5], "rotation": [0.7071068, 0, 0, 0.7071068],
                                  "velocity": [0.5, 0], "detection_name": "car", "detection_score": 0.8, "attribute_name": "vehicle.moving"}],
                         "s-2": []}}
            """,
    };

    /// <summary>What a damaged export typically holds: stray quotes and brackets, NaN, numbers out of range, bad UTF-8.</summary>
    private static readonly byte[][] Insertions =
        ["\""u8.ToArray(), "{"u8.ToArray(), "["u8.ToArray(), "}"u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(),
         "NaN"u8.ToArray(), "1e999"u8.ToArray(), "-1e999"u8.ToArray(), "123456789012345678901234567890"u8.ToArray(), "null"u8.ToArray(),
         "\\u0000"u8.ToArray(), "\n"u8.ToArray(), "\t"u8.ToArray(), [0xFF, 0xFE], [0xC3], [0xEF, 0xBB, 0xBF], "\"\":"u8.ToArray()];

    public static TheoryData<string> Formats => new(Samples.Keys);

    [Fact]
    public async Task Every_sample_is_valid()
    {
        foreach (var (format, sample) in Samples)
        {
            Assert.NotEmpty(await FormatReading.ReadTextAsync(format, sample, Role));
        }
    }

    [Property(MaxTest = 200)]
    public Property Random_bytes_read_or_raise_the_typed_error() => Prop.ForAll(
        (from format in Gen.Elements(Samples.Keys.ToArray())
         from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()
         select (format, bytes)).ToArbitrary(),
        input => ReadsOrRaisesTyped(input.format, input.bytes, forwardOnly: false));

    [Property(MaxTest = 600)]
    public Property Damaged_samples_read_or_raise_the_typed_error() => Prop.ForAll(
        (from format in Gen.Elements(Samples.Keys.ToArray())
         from mutations in Mutation.ListOf().Where(m => m.Count is > 0 and <= 4)
         from forwardOnly in Gen.Elements(false, true)
         select (format, mutations, forwardOnly)).ToArbitrary(),
        input =>
        {
            var bytes = input.mutations.Aggregate(Encoding.UTF8.GetBytes(Samples[input.format]), (b, m) => m(b));
            return ReadsOrRaisesTyped(input.format, bytes, input.forwardOnly);
        });

    /// <summary>Found by the damaged-samples property: Utf8JsonReader.GetString throws InvalidOperationException on invalid UTF-8.</summary>
    [Fact]
    public async Task Canonical_invalid_utf8_in_a_property_name_is_a_typed_error()
    {
        byte[] line = [.. "{\"format"u8, 0xB1, .. "\":\"serverless-quality.canonical\"}\n"u8];

        await Assert.ThrowsAsync<DeliveryFormatException>(() => FormatReading.ReadAllAsync("canonical", new MemoryStream(line), Role));
    }

    /// <summary>A damage at a random place: truncation, a flipped byte, an insertion, a deletion or a repeated run.</summary>
    private static Gen<Func<byte[], byte[]>> Mutation =>
        from kind in Gen.Choose(0, 4)
        from at in Gen.Choose(0, 100_000)
        from length in Gen.Choose(1, 40)
        from flip in Gen.Choose(1, 255)
        from insertion in Gen.Elements(Insertions)
        select (Func<byte[], byte[]>)(bytes =>
        {
            var position = bytes.Length == 0 ? 0 : at % bytes.Length;
            var end = Math.Min(bytes.Length, position + length);
            return kind switch
            {
                0 => bytes[..position],
                1 when bytes.Length > 0 => [.. bytes[..position], (byte)(bytes[position] ^ flip), .. bytes[(position + 1)..]],
                2 => [.. bytes[..position], .. insertion, .. bytes[position..]],
                3 => [.. bytes[..position], .. bytes[end..]],
                _ => [.. bytes[..end], .. bytes[position..]],
            };
        });

    private static bool ReadsOrRaisesTyped(string format, byte[] bytes, bool forwardOnly)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        Stream stream = forwardOnly ? new ForwardOnlyStream(bytes, maxPiece: 13) : new MemoryStream(bytes);
        try
        {
            Task.Run(() => FormatReading.ReadAllAsync(format, stream, Role, deadline.Token)).WaitAsync(Deadline).GetAwaiter().GetResult();
            return true;
        }
        catch (DeliveryFormatException)
        {
            return true;
        }
    }
}
