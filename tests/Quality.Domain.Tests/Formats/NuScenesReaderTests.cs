using System.Globalization;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// nuScenes boxes as docs/formats/nuscenes.md states. No permissively licensed nuScenes data is vendored
/// (shared/data/README.md §3), so these records are made by hand and their yaw computed by hand: the quaternion of a
/// turn by θ about z is [cos θ/2, 0, 0, sin θ/2], so yaw 90° is [cos 45°, 0, 0, sin 45°] = [0.7071068, 0, 0, 0.7071068].
/// </summary>
public sealed class NuScenesReaderTests
{
    private static readonly FileRole Vendor = new("boxes.json", Annotator: "vendor-a");

    [Fact]
    public async Task Sample_annotations_give_cuboids_with_nuscenes_size_order_and_yaw()
    {
        const string json = """
            [{"token": "ann-1", "sample_token": "s-1", "translation": [10.5, -3, 1.2], "size": [1.9, 4.5, 1.6],
              "rotation": [0.7071068, 0, 0, 0.7071068], "category_name": "vehicle.car", "attribute_names": ["vehicle.parked"],
              "num_lidar_pts": 42, "num_radar_pts": 3, "visibility_token": "4"}]
            """;

        var car = Assert.Single(await ReadTextAsync("nuscenes", json, Vendor));

        Assert.Equal(("s-1", "ann-1", "vehicle.car", "vendor-a"), (car.Item, car.Id, car.Label, car.Annotator));
        var cuboid = car.Cuboid!;
        Assert.Equal((10.5, -3.0, 1.2), (cuboid.X, cuboid.Y, cuboid.Z));
        Assert.Equal((4.5, 1.9, 1.6), (cuboid.Length, cuboid.Width, cuboid.Height)); // size is [width, length, height]
        Assert.Equal(Math.PI / 2, cuboid.Yaw, 6);
        Assert.Equal("vehicle.parked", car.Attributes!["attribute"]);
        Assert.Equal(("42", "3", "4"), (car.Attributes["num_lidar_pts"], car.Attributes["num_radar_pts"], car.Attributes["visibility"]));
    }

    [Theory]
    [InlineData("[1, 0, 0, 0]", 0.0)]
    [InlineData("[0, 0, 0, 1]", 180.0)] // a half turn: cos 90° = 0, sin 90° = 1
    [InlineData("[0.9238795, 0, 0, -0.3826834]", -45.0)] // cos(-22.5°), sin(-22.5°)
    public async Task Yaw_follows_the_quaternion(string rotation, double degrees)
    {
        var json = $$"""[{"sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": {{rotation}}, "category_name": "c"}]""";

        var yaw = Assert.Single(await ReadTextAsync("nuscenes", json, Vendor)).Cuboid!.Yaw;

        Assert.Equal(degrees * Math.PI / 180, yaw, 6);
    }

    [Fact]
    public async Task Detection_results_read_boxes_under_their_sample_tokens()
    {
        const string json = """
            {"meta": {"use_camera": false, "use_lidar": true},
             "results": {"s-1": [{"sample_token": "s-1", "translation": [1, 2, 3], "size": [2, 4, 1.5], "rotation": [1, 0, 0, 0],
                                  "velocity": [0.5, 0], "detection_name": "car", "detection_score": 0.8, "attribute_name": "vehicle.moving"}],
                         "s-2": [{"translation": [1, 2, 3], "size": [0.6, 0.7, 1.8], "rotation": [1, 0, 0, 0],
                                  "detection_name": "pedestrian", "detection_score": 0.3, "attribute_name": ""}],
                         "s-3": []}}
            """;

        var boxes = await ReadTextAsync("nuscenes", json, new FileRole("results.json", Annotator: "model", Role: AnnotatorRole.Annotator));

        Assert.Equal([("s-1", "car"), ("s-2", "pedestrian")], boxes.Select(b => (b.Item, b.Label)));
        Assert.Equal(("0.8", "vehicle.moving", "0.5"), (boxes[0].Attributes!["score"], boxes[0].Attributes!["attribute"], boxes[0].Attributes!["velocity_x"]));
        Assert.False(boxes[1].Attributes!.ContainsKey("attribute"));
    }

    [Fact]
    public async Task Non_unit_quaternion_is_rejected_naming_the_field()
    {
        const string json = """[{"token": "t-9", "sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [0.9, 0, 0, 0.1], "category_name": "c"}]""";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("nuscenes", json, Vendor));

        Assert.Equal(("boxes.json", "[0].rotation"), (error.File, error.Field));
        Assert.StartsWith("record 0 (id t-9) at byte 1: |q| = 0.905", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_box_filed_under_another_sample_is_rejected()
    {
        const string json = """{"results": {"s-1": [{"sample_token": "s-2", "translation": [0, 0, 0], "size": [1, 1, 1], "rotation": [1, 0, 0, 0], "detection_name": "car"}]}}""";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("nuscenes", json, Vendor));

        Assert.Equal("results.s-1[0].sample_token", error.Field);
    }

    [Fact]
    public async Task Point_counts_score_and_velocity_stay_on_the_box_but_are_not_rated_for_agreement()
    {
        // Two annotators draw the same parked car; their boxes hold 41 and 42 lidar points and they see it at
        // visibility 4 and 3. The counts are measurements of the box (docs/statistics-conventions.md): rated as
        // nominal they would be a disagreement over two "categories", 41 and 42.
        static string Box(int points, string visibility) => $$"""
            [{"sample_token": "s-1", "translation": [0, 0, 0], "size": [2, 4, 1.5], "rotation": [1, 0, 0, 0], "category_name": "car",
              "attribute_names": ["vehicle.parked"], "num_lidar_pts": {{points}}, "num_radar_pts": 2, "visibility_token": "{{visibility}}"}]
            """;
        List<Annotation> item =
        [
            .. await ReadTextAsync("nuscenes", Box(41, "4"), new FileRole("a.json", Annotator: "a")),
            .. await ReadTextAsync("nuscenes", Box(42, "3"), new FileRole("b.json", Annotator: "b")),
        ];
        var audit = new Domain.Audit.BatchAudit();

        audit.AddItem("delivery", item);

        Assert.Equal(["41", "42"], item.Select(a => a.Attributes!["num_lidar_pts"]));
        var fields = audit.Metrics().Fields;
        Assert.Equal(["objects.attribute", "objects.visibility"], fields.Keys.Where(k => k.StartsWith("objects.", StringComparison.Ordinal)));
        // One consensus car, one pair of values: both say vehicle.parked (agreement 1), visibility 4 vs 3 (agreement 0).
        Assert.Equal((1.0, 0.0), (fields["objects.attribute"].PercentAgreement, fields["objects.visibility"].PercentAgreement));
    }

    [Theory]
    // The record starts at byte 1 (after "["), so every problem names "record 0 at byte 1"; the value is quoted as written.
    [InlineData("""5""", "[0]", "5 is not an object")]
    [InlineData("""{"sample_token": "s", "translation": [0, "a", 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "c"}""", "[0].translation[1]", "\"a\" is not a finite number")]
    [InlineData("""{"sample_token": "s", "translation": [0, 0, 0], "size": [1, 2], "rotation": [1, 0, 0, 0], "category_name": "c"}""", "[0].size", "has 2 numbers; expected 3")]
    [InlineData("""{"sample_token": "s", "translation": [0, 0, 0], "size": {"w": 1}, "rotation": [1, 0, 0, 0], "category_name": "c"}""", "[0].size", "{\"w\": 1} is not an array")]
    [InlineData("""{"sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "c", "num_lidar_pts": -1}""", "[0].num_lidar_pts", "-1 is negative")]
    [InlineData("""{"sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": 7}""", "[0].category_name", "7 is not a string")]
    [InlineData("""{"sample_token": true, "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "c"}""", "[0].sample_token", "true is not a string or an integer id")]
    [InlineData("""{"sample_token": "s", "translation": null, "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "c"}""", "[0].translation", "missing")]
    [InlineData("""{"sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "attribute_names": ["a", ""], "category_name": "c"}""", "[0].attribute_names[1]", "must be 1 to 256 characters without control characters")]
    public async Task Bad_records_are_rejected_naming_the_field_and_the_value(string record, string field, string problem)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("nuscenes", $"[{record}]", Vendor));

        Assert.Equal(("boxes.json", 1L, field, $"record 0 at byte 1: {problem}"), (error.File, error.Line, error.Field, error.Problem));
    }

    [Fact]
    public async Task Values_in_an_unusual_spelling_read_as_their_usual_spelling()
    {
        // The reader takes the usual values as the splitter reads them and reads any other from its text: both give
        // the same box. Box 1 spells box 0's values with escapes, an integer id, a count as 12.0, and its numbers
        // with exponents; box 2 holds non-ASCII texts, two attribute names and a velocity-free record.
        const string json = """
            [{"token": "123", "sample_token": "s-1", "translation": [1.5, -2, 0.25], "size": [2, 4, 1.5], "rotation": [1, 0, 0, 0],
              "category_name": "vehicle.car", "attribute_names": ["vehicle.parked"], "num_lidar_pts": 12, "visibility_token": "4"},
             {"token": 123, "sample_token": "s-\u0031", "translation": [15e-1, -2.0, 2.5E-1], "size": [2e0, 4, 15e-1], "rotation": [1, 0.0, -0, 0],
              "category_name": "vehicle\u002ecar", "attribute_names": ["vehicle.\u0070arked"], "num_lidar_pts": 12.0, "visibility_token": 4},
             {"token": "t-é", "sample_token": "s-1", "translation": [1.5, -2, 0.25], "size": [2, 4, 1.5], "rotation": [1, 0, 0, 0],
              "category_name": "véhicule", "attribute_names": ["z.b", "a.c"], "num_lidar_pts": 0, "visibility_token": "4"}]
            """;

        var boxes = await ReadTextAsync("nuscenes", json, Vendor);

        Assert.Equal(3, boxes.Count);
        Assert.Equal(("123", "s-1", "vehicle.car"), (boxes[1].Id, boxes[1].Item, boxes[1].Label));
        Assert.Equal(boxes[0].Cuboid, boxes[1].Cuboid);
        Assert.Equal(new Domain.Geometry.Cuboid(1.5, -2, 0.25, Length: 4, Width: 2, Height: 1.5, 0), boxes[0].Cuboid);
        Assert.Equal(boxes[0].Attributes, boxes[1].Attributes);
        Assert.Equal(["vehicle.parked", "12", "4"], boxes[1].Attributes!.Values);
        Assert.Equal(("t-é", "véhicule", "a.c|z.b", "0"),
            (boxes[2].Id, boxes[2].Label, boxes[2].Attributes!["attribute"], boxes[2].Attributes!["num_lidar_pts"]));
    }

    [Fact]
    public async Task An_error_names_its_own_record_not_the_one_read_before_it()
    {
        // One JsonFields serves the reader's records in turn: record 1 has no token, so its error names no id, and
        // record 0's id does not carry over.
        const string json = """
            [{"token": "t-0", "sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "c"},
            {"sample_token": "s", "translation": [0, 0, 0], "size": [1, -2, 1], "rotation": [1, 0, 0, 0], "category_name": "c"}]
            """;

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("nuscenes", json, Vendor));

        Assert.Equal((2L, "[1].size", "record 1 at byte 133: has a negative size"), (error.Line, error.Field, error.Problem));
    }

    [Fact]
    public async Task A_repeated_property_counts_once_its_last_value_and_repeated_texts_are_one_string()
    {
        const string json = """
            [{"sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "a", "category_name": "b", "num_lidar_pts": 7},
             {"sample_token": "s", "translation": [5, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "b", "num_lidar_pts": 7.0}]
            """;

        var boxes = await ReadTextAsync("nuscenes", json, Vendor);

        Assert.Equal(["b", "b"], boxes.Select(b => b.Label));
        Assert.Same(boxes[0].Item, boxes[1].Item);
        // 7 and 7.0 are the same count: the shortest round-trip text of 7.0 is "7".
        Assert.Equal(["7", "7"], boxes.Select(b => b.Attributes!["num_lidar_pts"]));
    }

    [Fact]
    public async Task Boxes_across_the_readers_buffer_refills_keep_their_fields_and_errors_their_line()
    {
        // 2,000 boxes of ~200 bytes, one a line: 400 KB, so the splitter's 64 KiB buffer ends inside some box several
        // times and the box is read again after the refill. Box i sits at x = i and is on line i + 2 ("[" is line 1).
        var boxes = Enumerable.Range(0, 2000).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"token": "t-{{i}}", "sample_token": "s-{{i / 40}}", "translation": [{{i}}, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "c"}"""));
        var json = "[\n" + string.Join(",\n", boxes) + "\n]";

        var read = await ReadTextAsync("nuscenes", json, Vendor);

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => ($"t-{i}", (double)i, i + 2L)), read.Select(b => (b.Id!, b.Cuboid!.X, b.Line)));
        // A syntax error in box 1,500 (line 1,502), past the first refills: the line of the bad byte.
        var broken = json.Replace("\"t-1500\", ", "\"t-1500\",, ", StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("nuscenes", broken, Vendor));
        Assert.Equal(1502L, error.Line);
    }

    [Fact]
    public async Task Attributes_keep_the_order_first_given_and_attribute_names_replace_attribute_name_in_place()
    {
        // As a dictionary's indexer: "attribute" is set by attribute_name, then replaced by the sorted attribute_names
        // joined with '|', keeping its first place before the counts and the visibility.
        const string json = """
            [{"sample_token": "s", "translation": [0, 0, 0], "size": [1, 2, 1], "rotation": [1, 0, 0, 0], "category_name": "c",
              "attribute_name": "a.old", "attribute_names": ["z.second", "b.first"], "num_lidar_pts": 5, "visibility_token": "2"}]
            """;

        var attributes = Assert.Single(await ReadTextAsync("nuscenes", json, Vendor)).Attributes!;

        Assert.Equal(["attribute", "num_lidar_pts", "visibility"], attributes.Keys);
        Assert.Equal(["b.first|z.second", "5", "2"], attributes.Values);
        Assert.Equal((3, false), (attributes.Count, attributes.ContainsKey("num_radar_pts")));
    }

    [Fact]
    public async Task Missing_annotator_is_an_error_naming_the_file()
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("nuscenes", "[]", new FileRole("boxes.json")));

        Assert.Equal(("boxes.json", "annotator"), (error.File, error.Field));
    }
}
