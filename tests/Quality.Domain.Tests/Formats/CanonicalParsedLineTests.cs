using System.Buffers;
using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.JsonLines;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// Ingest's pass-through (<see cref="CanonicalWriter.WriteParsedLine"/>, <see cref="CanonicalWriter.WriteValidatedLine"/>)
/// against the writer it replaces: the shard lines read back as the annotation that was delivered, attributes, line and
/// file included.
/// </summary>
public sealed class CanonicalParsedLineTests
{
    private const string Header = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-1","pipeline":"p","vendor":"v","taxonomy":{"name":"t","version":"1.0.0"},"dataTypes":["frame-tags","boxes-2d","cuboids-3d"]}""";

    /// <summary>Lines whose bytes differ most from what the writer makes of them.</summary>
    public static TheoryData<string> EdgeLines => new()
    {
        """{"item":"f","annotator":"a","label":"x"}""",
        """  {  "item" : "f" , "annotator":"a","label":"x"  }  """,
        "{\"item\":\"f\",\"annotator\":\"a\",\"label\":\"x\"}\t \r",
        "{\"item\":\"f\",\"annotator\":\"a\",\"label\":\"x\"}\r",
        """{"item":"f\"1\\\/2","annotator":"\u00e9\u00E9","field":"w\u0065ather","label":"\ud83d\ude97 car"}""",
        """{"item":"Straße-🚗","annotator":"アノテーター","role":"reviewer","field":"天気","label":"霧"}""",
        """{"item":"f","annotator":"a","role":"gold","id":"o-1","label":"car","geometry":{"type":"box2d","x":1e-7,"y":-0,"width":12.50,"height":1E+2},"image":{"width":1920.0,"height":1080}}""",
        """{"item":"f","annotator":"a","id":"o-2","label":"car","geometry":{"type":"cuboid","x":-0.0,"y":123456789.123456789,"z":-1.5e-300,"length":4.2,"width":1.8,"height":1.5,"yaw":-3.14159265358979},"attributes":{"occlusion":"2","truncated":true,"moving":false,"score":0.5,"tiny":1e-7,"zero":-0,"price":12.50,"quote":"a \"b\" \\ c","unicode":"\u00e9🚗","":"empty name"}}""",
        """{"attributes":{"occlusion":1},"label":"car","geometry":{"height":2,"width":1,"y":0,"x":0,"type":"box2d"},"annotator":"a","item":"f"}""",
        """{"item":"f","annotator":"a","label":"first","label":"second","geometry":{"type":"box2d","x":1,"x":2,"y":0,"width":1,"height":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"a":"1","a":"2"}}""",
    };

    [Theory]
    [MemberData(nameof(EdgeLines))]
    public async Task WriteParsedLine_edge_lines_read_back_as_the_writer_writes_them(string line)
    {
        await AssertSameShardsAsync(Encoding.UTF8.GetBytes(Header + "\n" + line + "\n"), "edge.jsonl");
    }

    [Fact]
    public async Task WriteParsedLine_samples_read_back_as_the_writer_writes_them()
    {
        var samples = Directory.GetFiles(Path.Combine(Repository.Root, "samples"), "*.jsonl");
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            await AssertSameShardsAsync(await File.ReadAllBytesAsync(sample), sample);
        }
    }

    [Fact]
    public async Task WriteParsedLine_adds_the_source_file_when_the_annotation_has_one()
    {
        var line = """{"item":"f","annotator":"a","label":"x"}"""u8.ToArray();
        var annotation = new Annotation("f", "a", AnnotatorRole.Annotator, Annotation.DefaultField, "x", 7) { File = "cams/\"front\"/ü.jsonl" };
        var shard = new ArrayBufferWriter<byte>();

        CanonicalWriter.WriteParsedLine(shard, annotation, line);

        var read = await ReadNormalisedAsync(shard.WrittenMemory.ToArray());
        AssertSame(annotation, Assert.Single(read));
    }

    [Fact]
    public void WriteParsedLine_refuses_a_line_that_is_not_an_object()
    {
        Assert.Throws<ArgumentException>(() => CanonicalWriter.WriteParsedLine(
            new ArrayBufferWriter<byte>(), new Annotation("f", "a", AnnotatorRole.Annotator, "label", "x", 2), "[1] "u8));
    }

    /// <summary>
    /// Each annotation of the delivery written three ways: anew by the writer, passed through from its parsed line, and
    /// passed through as ingest does (<see cref="CanonicalDeliveryReader.ReadValidatedLineAsync"/>); all read back as
    /// the delivery, line for line.
    /// </summary>
    private static async Task AssertSameShardsAsync(byte[] delivery, string file)
    {
        var delivered = new List<Annotation>();
        var written = new ArrayBufferWriter<byte>();
        var passed = new ArrayBufferWriter<byte>();
        using (var reader = new CanonicalDeliveryReader(new MemoryStream(delivery), file))
        using (var lines = new JsonLinesReader(new MemoryStream(delivery), file))
        {
            await reader.ReadHeaderAsync(CancellationToken.None);
            await lines.ReadLineAsync(CancellationToken.None);
            while (await reader.ReadAnnotationAsync(CancellationToken.None) is { } annotation)
            {
                delivered.Add(annotation);
                CanonicalWriter.WriteAnnotation(written, annotation, withSourceLine: true);
                var line = await lines.ReadLineAsync(CancellationToken.None) ?? throw new InvalidOperationException("no line for the annotation just read");
                CanonicalWriter.WriteParsedLine(passed, annotation, line.Span);
            }
        }

        var validated = new ArrayBufferWriter<byte>();
        using (var reader = new CanonicalDeliveryReader(new MemoryStream(delivery), file))
        {
            await reader.ReadHeaderAsync(CancellationToken.None);
            while (await reader.ReadValidatedLineAsync(CancellationToken.None) is { } line)
            {
                CanonicalWriter.WriteValidatedLine(validated, line);
            }
        }

        Assert.Equal(passed.WrittenSpan.ToArray(), validated.WrittenSpan.ToArray());
        var fromWriter = await ReadNormalisedAsync(written.WrittenMemory.ToArray());
        var fromLines = await ReadNormalisedAsync(passed.WrittenMemory.ToArray());
        Assert.Equal(delivered.Count, fromWriter.Count);
        Assert.Equal(delivered.Count, fromLines.Count);
        for (var i = 0; i < delivered.Count; i++)
        {
            AssertSame(fromWriter[i], fromLines[i]);

            // The writer leaves out empty attributes, and so reads them back as none.
            AssertSame(delivered[i].Attributes is { Count: 0 } ? delivered[i] with { Attributes = null } : delivered[i], fromLines[i]);
        }
    }

    private static async Task<List<Annotation>> ReadNormalisedAsync(byte[] shard)
    {
        using var reader = new CanonicalDeliveryReader(new MemoryStream(shard), "shard", normalised: true);
        var annotations = new List<Annotation>();
        while (await reader.ReadAnnotationAsync(CancellationToken.None) is { } annotation)
        {
            annotations.Add(annotation);
        }

        return annotations;
    }

    /// <summary>Record equality, with the attributes (a dictionary, equal only to itself) compared by content.</summary>
    private static void AssertSame(Annotation expected, Annotation actual)
    {
        Assert.Equal(expected with { Attributes = null }, actual with { Attributes = null });
        Assert.Equal(expected.Attributes is null, actual.Attributes is null);
        if (expected.Attributes is not null)
        {
            Assert.Equal(expected.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), actual.Attributes!.OrderBy(a => a.Key, StringComparer.Ordinal));
        }
    }
}
