using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Manifest;

namespace Quality.Domain.Tests.Formats;

public sealed class ManifestParserTests
{
    private const string Head = "\"format\":\"serverless-quality.manifest\",\"version\":1,\"taxonomy\":{\"name\":\"driving\",\"version\":\"1.2.0\"},\"dataTypes\":[\"boxes-2d\"]";

    private static DeliveryManifest Parse(string json) =>
        ManifestParser.Parse(Encoding.UTF8.GetBytes(json), "p/v/d/manifest.json", ("d", "p", "v"));

    [Fact]
    public void Parse_Valid_TakesTheFolderNamesAndEveryFile()
    {
        var manifest = Parse("{" + Head + ""","files":[{"path":"ann.json","format":"csv","annotator":"ann-01"},{"path":"g/gold.json","role":"gold"}]}""");

        Assert.Equal(("d", "p", "v", "driving@1.2.0"), (manifest.Header.DeliveryId, manifest.Header.Pipeline, manifest.Header.Vendor, manifest.Header.Taxonomy.ToString()));
        Assert.Equal(
            [new ManifestFile(0, "ann.json", "csv", "ann-01", null), new ManifestFile(1, "g/gold.json", null, null, AnnotatorRole.Gold)],
            manifest.Files);
        Assert.Equal(["g/gold.json", "ann.json"], manifest.ReadingOrder.Select(f => f.Path));
    }

    [Fact]
    public void Parse_Review_NamesTheBatchItReviews()
    {
        var batch = new string('a', 32);

        var manifest = Parse("{" + Head + $$""","reviews":"{{batch}}","files":[{"path":"qa.csv","role":"reviewer","annotator":"qa-lead"}]}""");

        Assert.Equal(batch, manifest.Header.Reviews);
        Assert.Equal(AnnotatorRole.Reviewer, Assert.Single(manifest.Files).Role);
    }

    [Fact]
    public void Parse_Metadata_ReadAsTheCanonicalHeaderReadsIt()
    {
        var manifest = Parse("{" + Head + ""","metadata":{"site":"sofia","toolVersion":"4.2.1"},"files":[{"path":"a.json"}]}""");

        Assert.Equal(new Dictionary<string, string> { ["site"] = "sofia", ["toolVersion"] = "4.2.1" }, manifest.Header.Metadata);
        var error = Assert.Throws<DeliveryFormatException>(() => Parse("{" + Head + ""","metadata":{"shift":2},"files":[{"path":"a.json"}]}"""));
        Assert.Equal(("p/v/d/manifest.json", 0L, "metadata.shift", "must be a string (write numbers and versions in quotes)"), (error.File, error.Line, error.Field, error.Problem));
    }

    [Theory]
    [InlineData(""","files":[]""", "files", "lists 0 files; a delivery has 1 to 1000")]
    [InlineData(""","files":[{"path":"../x.json"}]""", "files[0].path", "'../x.json' must be a relative path below the manifest's folder: segments of letters, digits, '.', '_' or '-', separated by '/', no '.' or '..'")]
    [InlineData(""","files":[{"path":"/etc/passwd"}]""", "files[0].path", "'/etc/passwd' must be a relative path below the manifest's folder: segments of letters, digits, '.', '_' or '-', separated by '/', no '.' or '..'")]
    [InlineData(""","files":[{"path":"a.json"},{"path":"a.json"}]""", "files[1].path", "'a.json' is listed twice")]
    [InlineData(""","files":[{"path":"a.json","format":"yolo"}]""", "files[0].format", "'yolo' is not one of ")]
    [InlineData(""","files":[{"path":"a.json","role":"boss"}]""", "files[0].role", "'boss' is not one of annotator, reviewer, gold")]
    [InlineData(""","files":[{"path":"a.json","weight":2}]""", "files[0].weight", "must be a string")]
    [InlineData(""","files":[{"path":"a.json","colour":"red"}]""", "files[0].colour", "unknown file property; path, format, annotator, role and field only")]
    [InlineData(""","files":[{"format":"csv"}]""", "files[0].path", "missing")]
    [InlineData(""","files":[{"path":"sub/manifest.json"}]""", "files[0].path", "a manifest cannot list a manifest")]
    [InlineData(""","vendor":"other","files":[{"path":"a.json"}]""", "vendor", "\"other\" contradicts the delivery's path, which says 'v'")]
    [InlineData(""","files":[{"path":"a.json"}],"extra":1""", "extra", "unknown manifest property")]
    public void Parse_Invalid_NamesTheField(string tail, string field, string problem)
    {
        var error = Assert.Throws<DeliveryFormatException>(() => Parse("{" + Head + tail + "}"));

        Assert.Equal(("p/v/d/manifest.json", field), (error.File, error.Field));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderRuleBroken_SameRuleAsTheCanonicalHeader()
    {
        var error = Assert.Throws<DeliveryFormatException>(() => Parse("""{"format":"serverless-quality.manifest","version":1,"taxonomy":{"name":"driving","version":"1.2"},"dataTypes":["boxes-2d"],"files":[{"path":"a"}]}"""));

        Assert.Equal(("taxonomy.version", "'1.2' is not major.minor.patch"), (error.Field, error.Problem));
    }

    [Theory]
    [InlineData("", 1L, null, "invalid JSON")]
    [InlineData("[1,2]", 1L, null, "a manifest is a JSON object")]
    [InlineData("{\"format\":\"serverless-quality.canonical\"}", 1L, "format", "'serverless-quality.canonical' is not 'serverless-quality.manifest'")]
    [InlineData("{\"files\":\n[}", 2L, null, "invalid JSON")]
    [InlineData("{\"files\":[{\"path\":\"a.json\",\n\"path\":\"b.json\"}]}", 0L, null, "invalid JSON")]
    public void Parse_NotAManifest_SaysWhere(string json, long line, string? field, string problem)
    {
        var error = Assert.Throws<DeliveryFormatException>(() => Parse(json));

        Assert.Equal((line, field), (error.Line, error.Field));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Oversized_RefusedBeforeParsing()
    {
        var error = Assert.Throws<DeliveryFormatException>(() => Parse("{" + new string(' ', ManifestParser.MaxBytes) + "}"));

        Assert.Equal($"is {ManifestParser.MaxBytes + 2} bytes; a manifest may have at most {ManifestParser.MaxBytes}", error.Problem);
    }

    /// <summary>Found by <see cref="DocumentFuzzProperties"/>: JsonDocument decodes strings lazily and threw InvalidOperationException.</summary>
    [Fact]
    public void Parse_InvalidUtf8_NamesLineAndByte()
    {
        byte[] json = [.. "{\"format\":\n\"serverless-"u8, 0xFF, .. "quality.manifest\"}"u8];

        var error = Assert.Throws<DeliveryFormatException>(() => ManifestParser.Parse(json, "m.json"));

        Assert.Equal((2L, "is not valid UTF-8 at byte 23; save it as UTF-8"), (error.Line, error.Problem));
    }
}
