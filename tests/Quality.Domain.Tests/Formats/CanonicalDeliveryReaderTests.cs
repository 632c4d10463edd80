using System.Buffers;
using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Formats;

/// <summary>The canonical format as docs/formats/canonical.md states it: what is read, and how each error is named.</summary>
public sealed class CanonicalDeliveryReaderTests
{
    private const string Header = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-1","pipeline":"front-camera","vendor":"acme","taxonomy":{"name":"driving","version":"1.4.0"},"dataTypes":["frame-tags","cuboids-3d"]}""";

    [Fact]
    public async Task Reads_header_tags_and_cuboids_with_their_lines()
    {
        var (header, annotations) = await ReadAsync(
            Header,
            "",
            """{"item":"f-1","annotator":"a","field":"weather","label":"fog"}""",
            """{"item":"f-1","annotator":"g","role":"gold","id":"o-7","label":"car","geometry":{"type":"cuboid","x":1,"y":-2.5,"z":0.5,"length":4.5,"width":1.9,"height":1.6,"yaw":0.1},"attributes":{"occlusion":1,"parked":true,"colour":"red"}}""");

        Assert.Equal(new TaxonomyReference("driving", "1.4.0"), header.Taxonomy);
        Assert.Equal(["frame-tags", "cuboids-3d"], header.DataTypes);
        Assert.Equal(2, annotations.Count);
        var tag = annotations[0];
        Assert.Equal(("f-1", "a", AnnotatorRole.Annotator, "weather", "fog", 3L), (tag.Item, tag.Annotator, tag.Role, tag.Field, tag.Label, tag.Line));
        var cuboid = annotations[1];
        Assert.Equal(AnnotatorRole.Gold, cuboid.Role);
        Assert.Equal(new Domain.Geometry.Cuboid(1, -2.5, 0.5, 4.5, 1.9, 1.6, 0.1), cuboid.Cuboid);
        Assert.Equal("1", cuboid.Attributes!["occlusion"]);
        Assert.Equal("true", cuboid.Attributes["parked"]);
        Assert.Equal(4L, cuboid.Line);
    }

    [Fact]
    public async Task Crlf_line_endings_read_like_lf()
    {
        var (_, annotations) = await ReadAsync(Header + "\r", """{"item":"f-1","annotator":"a","label":"x"}""" + "\r");

        Assert.Equal("x", Assert.Single(annotations).Label);
    }

    [Theory]
    [InlineData("""{"format":"other","version":1}""", "format", "'other' is not 'serverless-quality.canonical'")]
    [InlineData("""{"format":"serverless-quality.canonical","version":2}""", "version", "2 is not supported; this reader understands version 1")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"a/b","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["frame-tags"]}""", "deliveryId", null)]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"d","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0"},"dataTypes":["frame-tags"]}""", "taxonomy.version", "'1.0' is not major.minor.patch")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"d","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["lidar"]}""", "dataTypes", "unknown data type 'lidar'")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryid":"d"}""", "deliveryid", "unknown header property")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"d","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["cuboids-3d"],"reviews":"D-1"}""", "reviews", "'D-1' is not a batch id (32 lowercase hex digits, as GET /api/batches lists them)")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"d","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["cuboids-3d"],"metadata":{"toolVersion":4.2}}""", "metadata.toolVersion", "must be a string (write numbers and versions in quotes)")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"d","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["cuboids-3d"],"metadata":{"tool version":"4"}}""", "metadata.tool version", "the name 'tool version' must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"d","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["cuboids-3d"],"metadata":{"shift":""}}""", "metadata.shift", "must be 1 to 256 characters without control characters")]
    [InlineData("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"d","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["cuboids-3d"],"metadata":["site"]}""", "metadata", null)]
    public async Task Bad_header_names_line_1_and_the_field(string header, string field, string? problem)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(header));

        Assert.Equal(("tags.jsonl", 1L, field), (error.File, error.Line, error.Field));
        if (problem is not null)
        {
            Assert.Equal(problem, error.Problem);
        }
    }

    [Theory]
    [InlineData("""{"item":"f","annotator":"a"}""", "label", "missing")]
    [InlineData("""{"item":"f","annotator":"a","label":3}""", "label", "must be a string, not a number")]
    [InlineData("""{"item":"f","annotator":"a","label":"x","role":"boss"}""", "role", "'boss' is not one of annotator, reviewer, gold")]
    [InlineData("""{"item":"f","annotator":"a","label":"x","colour":"red"}""", "colour", "unknown annotation property")]
    [InlineData("""{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":-1.5,"height":2}}""", "geometry.width", "-1.5 is negative")]
    [InlineData("""{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1}}""", "geometry.height", "missing for a box2d")]
    [InlineData("""{"item":"f","annotator":"a","label":"car","geometry":{"type":"sphere"}}""", "geometry.type", "'sphere' is not one of box2d, cuboid")]
    [InlineData("""{"item":"f","annotator":"a","label":"car","field":"cls","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1}}""", "field", "objects carry their class in 'label'; 'field' is for frame tags only")]
    [InlineData("""{"item":"f","annotator":"a","label":"x","attributes":{"tags":[1]}}""", "attributes.tags", "must be a string, number or boolean")]
    public async Task Bad_annotation_names_its_line_and_field(string line, string field, string problem)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(Header, """{"item":"ok","annotator":"a","label":"x"}""", line));

        Assert.Equal(("tags.jsonl", 3L, field, problem), (error.File, error.Line, error.Field, error.Problem));
        Assert.Equal($"tags.jsonl line 3, field '{field}': {problem}", error.Message);
    }

    [Theory]
    [InlineData("""{"type":"box2d","x":0,"y":0,"width":1,"height":1,"z":3,"q":1}""", "geometry.z", "not a property of a box2d")]
    [InlineData("""{"q":2,"type":"box2d","x":0,"y":0,"width":1,"height":1,"z":3}""", "geometry.q", "not a property of a box2d")]
    [InlineData("""{"z":2,"type":"box2d","x":0,"y":0,"q":1,"width":1}""", "geometry.height", "missing for a box2d")]
    [InlineData("""{"x":2,"type":"cuboid","y":0,"z":1,"length":-1,"width":1,"height":1,"yaw":0.5,"q":1}""", "geometry.length", "-1 is negative")]
    [InlineData("""{"type":"cuboid","x":0,"y":0,"z":0,"length":1,"width":1,"height":1,"yaw":1,"width":-1}""", "geometry.width", "-1 is negative")]
    [InlineData("""{"x":2,"q":"0"}""", "geometry.q", "must be a number, not a string")]
    [InlineData("""{"x":2,"q":1}""", "geometry.type", "missing; one of box2d, cuboid")]
    [InlineData("""{"x":2,"q":1,"type":"sphere","type":"box2d","y":1,"width":0,"height":0}""", "geometry.q", "not a property of a box2d")]
    public async Task Geometry_error_order_is_number_then_type_then_missing_then_unknown(string geometry, string field, string problem)
    {
        var line = """{"item":"f","annotator":"a","label":"car","geometry":""" + geometry + "}";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(Header, line));

        Assert.Equal((2L, field, problem), (error.Line, error.Field, error.Problem));
    }

    [Theory]
    [InlineData("""{"width":0,"height":1}""", "image.width", "0 is not positive")]
    [InlineData("""{"height":1}""", "image.width", "missing")]
    [InlineData("""{"width":3,"height":-2}""", "image.height", "-2 is not positive")]
    [InlineData("""{"width":3,"height":2,"depth":1}""", "image.depth", "unknown image property; width and height only")]
    public async Task Bad_image_names_the_size(string image, string field, string problem)
    {
        var line = """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"image":""" + image + "}";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(Header, line));

        Assert.Equal((2L, field, problem), (error.Line, error.Field, error.Problem));
    }

    [Fact]
    public async Task Repeated_and_escaped_strings_read_as_written()
    {
        // The reader makes a repeated string once; escaped spellings of the same text must read the same.
        var (_, annotations) = await ReadAsync(Header,
            """{"item":"f-1","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"kind":"x\n","b":1.50}}""",
            """{"it\u0065m":"f-1","annotator":"\u0061","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"kind":"x\n","b":true}}""",
            """{"item":"f-\u00e9","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"k\u0069nd":"x\n"}}""");

        Assert.Equal(["f-1", "f-1", "f-\u00e9"], annotations.Select(a => a.Item));
        Assert.All(annotations, a => Assert.Equal(("a", "car", "x\n"), (a.Annotator, a.Label, a.Attributes!["kind"])));
        Assert.Equal(["1.5", "true"], annotations.Take(2).Select(a => a.Attributes!["b"]));
    }

    [Fact]
    public async Task Header_metadata_is_read_as_string_values_and_written_back()
    {
        var (header, _) = await ReadAsync(Header[..^1] + ""","metadata":{"site":"sofia","shift":"night","toolVersion":"4.2.1"}}""");

        Assert.Equal(new Dictionary<string, string> { ["site"] = "sofia", ["shift"] = "night", ["toolVersion"] = "4.2.1" }, header.Metadata);
        using var written = new MemoryStream();
        CanonicalWriter.WriteHeader(written, header);
        var (again, _) = await ReadAsync(Encoding.UTF8.GetString(written.ToArray()).TrimEnd('\n'));
        Assert.Equal(header.Metadata, again.Metadata);
    }

    private const string DeclaringHeader = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-1","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["frame-tags"],"fields":{"occlusion":{"level":"ordinal","values":["none","partly","full"]},"visibility_m":{"level":"ratio"}}}""";

    [Fact]
    public async Task Header_declares_field_levels_and_undeclared_fields_are_nominal()
    {
        var (header, _) = await ReadAsync(DeclaringHeader);

        Assert.Equal(MeasurementLevel.Ordinal, header.Field("occlusion").Level);
        Assert.Equal(["none", "partly", "full"], header.Field("occlusion").Values);
        Assert.Equal(MeasurementLevel.Ratio, header.Field("visibility_m").Level);
        Assert.Equal(FieldDeclaration.Nominal, header.Field("weather"));
    }

    [Theory]
    [InlineData("""{"item":"f","annotator":"a","field":"occlusion","label":"most"}""", "'most' is not one of the declared values none, partly, full; field 'occlusion'")]
    [InlineData("""{"item":"f","annotator":"a","field":"visibility_m","label":"-3"}""", "'-3' is not a number ≥ 0 (the field is ratio); field 'visibility_m'")]
    [InlineData("""{"item":"f","annotator":"a","field":"visibility_m","label":"far"}""", "'far' is not a number ≥ 0 (the field is ratio); field 'visibility_m'")]
    public async Task Value_outside_its_declared_field_names_line_and_label(string line, string problem)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(DeclaringHeader, line));

        Assert.Equal((2L, "label", problem), (error.Line, error.Field, error.Problem));
    }

    [Fact]
    public async Task Object_attribute_outside_the_field_of_its_name_names_the_attribute()
    {
        const string line = """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"occlusion":"most"}}""";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(DeclaringHeader, line));

        Assert.Equal((2L, "attributes.occlusion", "'most' is not one of the declared values none, partly, full"), (error.Line, error.Field, error.Problem));
    }

    [Theory]
    [InlineData("""{"occlusion":{"level":"ordered"}}""", "fields.occlusion.level")]
    [InlineData("""{"occlusion":{"values":["a"]}}""", "fields.occlusion.level")]
    [InlineData("""{"occlusion":{"level":"ordinal","values":["a","a"]}}""", "fields.occlusion.values")]
    [InlineData("""{"speed":{"level":"interval","values":["1"]}}""", "fields.speed.values")]
    [InlineData("""{"speed":{"level":"interval","unit":"m/s"}}""", "fields.speed.unit")]
    public async Task Bad_field_declaration_names_its_path(string fields, string field)
    {
        var header = Header[..^1] + ""","fields":""" + fields + "}";

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(header));

        Assert.Equal((1L, field), (error.Line, error.Field));
    }

    [Fact]
    public async Task Truncated_json_names_the_line()
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync(Header, """{"item":"f","annotator":"""));

        Assert.Equal(2L, error.Line);
    }

    [Fact]
    public async Task Byte_order_mark_and_windows_line_ends_are_read_as_the_same_delivery()
    {
        const string tag = """{"item":"f","annotator":"a","label":"x"}""";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "\r\n" + tag + "\r\n")).ToArray();
        using var reader = new CanonicalDeliveryReader(new MemoryStream(bytes), "tags.jsonl");

        var header = await reader.ReadHeaderAsync(CancellationToken.None);
        var annotation = await reader.ReadAnnotationAsync(CancellationToken.None);

        Assert.Equal("d-1", header.DeliveryId);
        Assert.Equal(("f", "x", 2L), (annotation!.Item, annotation.Label, annotation.Line));
    }

    [Theory]
    [InlineData("[{\"format\":\"serverless-quality.canonical\"}]", "is a JSON array, but a delivery is JSON Lines; write the header object on line 1")]
    [InlineData("{\n  \"format\": \"serverless-quality.canonical\"\n}", "opens a JSON object that goes on over several lines, but a delivery is JSON Lines; write each object on one line (jq -c .)")]
    public async Task Json_document_where_json_lines_belong_says_how_to_write_lines(string content, string problem)
    {
        using var reader = new CanonicalDeliveryReader(new MemoryStream(Encoding.UTF8.GetBytes(content)), "tags.jsonl");

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => reader.ReadHeaderAsync(CancellationToken.None));

        Assert.Equal((1L, null), (error.Line, error.Field));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "is a zip archive; unzip it and deliver its files")]
    [InlineData(new byte[] { 0x1F, 0x8B, 0x08, 0x00 }, "is gzip-compressed; decompress it")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, "is UTF-16 text")]
    public async Task Archive_or_utf16_file_says_what_it_is(byte[] content, string problem)
    {
        using var reader = new CanonicalDeliveryReader(new MemoryStream(content), "tags.jsonl");

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => reader.ReadHeaderAsync(CancellationToken.None));

        Assert.Equal((0L, null), (error.Line, error.Field));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_file_is_an_error_about_the_file()
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadAsync());

        Assert.Equal(0L, error.Line);
        Assert.Equal("tags.jsonl: is empty; a delivery starts with a header line", error.Message);
    }

    [Fact]
    public async Task Written_annotations_read_back_unchanged()
    {
        // Round trip through the writer the pipeline uses for its shards.
        var (_, original) = await ReadAsync(Header,
            """{"item":"f-1","annotator":"a","field":"weather","label":"fog"}""",
            """{"item":"f-2","annotator":"b","role":"reviewer","id":"o","label":"car","geometry":{"type":"box2d","x":1.5,"y":2,"width":30,"height":40},"attributes":{"occlusion":"2"}}""");
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.UTF8.GetBytes(Header + "\n"));

        foreach (var annotation in original)
        {
            CanonicalWriter.WriteAnnotation(buffer, annotation, withSourceLine: true);
        }

        using var reader = new CanonicalDeliveryReader(new MemoryStream(buffer.WrittenMemory.ToArray()), "shard", normalised: true);
        await reader.ReadHeaderAsync(CancellationToken.None);
        foreach (var expected in original)
        {
            var actual = await reader.ReadAnnotationAsync(CancellationToken.None);
            Assert.Equivalent(expected, actual, strict: true);
        }
    }

    [Fact]
    public async Task The_samples_are_valid_deliveries()
    {
        foreach (var sample in Directory.GetFiles(Path.Combine(Repository.Root, "samples"), "*.jsonl"))
        {
            await using var stream = File.OpenRead(sample);
            using var reader = new CanonicalDeliveryReader(stream, sample);
            await reader.ReadHeaderAsync(CancellationToken.None);
            var annotations = 0;
            while (await reader.ReadAnnotationAsync(CancellationToken.None) is not null)
            {
                annotations++;
            }

            Assert.True(annotations > 0, sample);
        }
    }

    private static async Task<(DeliveryHeader Header, List<Annotation> Annotations)> ReadAsync(params string[] lines)
    {
        var text = lines.Length == 0 ? "" : string.Join('\n', lines) + "\n";
        using var reader = new CanonicalDeliveryReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "tags.jsonl");
        var header = await reader.ReadHeaderAsync(CancellationToken.None);
        var annotations = new List<Annotation>();
        while (await reader.ReadAnnotationAsync(CancellationToken.None) is { } annotation)
        {
            annotations.Add(annotation);
        }

        return (header, annotations);
    }
}
