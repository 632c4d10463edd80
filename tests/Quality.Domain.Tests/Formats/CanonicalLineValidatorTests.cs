using System.Text;
using Quality.Domain.Agreement;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// Ingest's validating pass (<see cref="CanonicalDeliveryReader.ReadValidatedLineAsync"/>, deciding most lines with
/// <see cref="CanonicalLineValidator"/> and no annotation) against the parser it stands in for
/// (<see cref="CanonicalDeliveryReader.ReadAnnotationAsync"/>): on every delivery of a corpus of bad lines both end with
/// the same error — file, line, field and message, word for word — and on good ones with the same lines and items.
/// </summary>
public sealed class CanonicalLineValidatorTests
{
    /// <summary>Declares a field of every level, so that attribute and tag checks are part of every comparison.</summary>
    private const string Header = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-1","pipeline":"p","vendor":"v","taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["frame-tags","boxes-2d","cuboids-3d"],"fields":{"weather":{"level":"nominal","values":["clear","rain","fog"]},"occlusion":{"level":"ordinal","values":["0","1","2"]},"range_m":{"level":"ratio"},"temperature":{"level":"interval"}}}""";

    /// <summary>Good lines of every shape; each is mutated byte by byte below.</summary>
    private static readonly string[] GoodLines =
    [
        """{"item":"cam-0001-000042","annotator":"acme-ann-0117","field":"weather","label":"rain"}""",
        """{"item":"cam-0001-000042","annotator":"acme-ann-0117","id":"obj-3","label":"pedestrian","geometry":{"type":"box2d","x":812.25,"y":403.5,"width":64.75,"height":128},"image":{"width":1920,"height":1080},"attributes":{"occlusion":"1","truncated":false}}""",
        """{"item":"lidar-0001-000043","annotator":"acme-ann-0117","role":"gold","id":"obj-5","label":"car","geometry":{"type":"cuboid","x":12.113,"y":-3.402,"z":0.912,"length":4.5,"width":1.9,"height":1.6,"yaw":0.1234},"attributes":{"occlusion":1,"parked":true,"range_m":"12.5","temperature":"-4.5"}}""",
        """{"item":"f","annotator":"a","role":"reviewer","field":"range_m","label":"0"}""",
        """{"item":"f","annotator":"a","field":"temperature","label":"-1e2"}""",
    ];

    /// <summary>Lines the validator must refuse or leave to the parser, with the parser's verdict on each (from CanonicalDeliveryReaderTests and more).</summary>
    public static TheoryData<string> BadLines => new()
    {
        """{"item":"f","annotator":"a"}""",
        """{"item":"f","annotator":"a","label":3}""",
        """{"item":"f","annotator":"a","label":"x","role":"boss"}""",
        """{"item":"f","annotator":"a","label":"x","colour":"red"}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":-1.5,"height":2}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"sphere"}}""",
        """{"item":"f","annotator":"a","label":"car","field":"cls","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1}}""",
        """{"item":"f","annotator":"a","label":"x","attributes":{"tags":[1]}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1,"z":3,"q":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"x":2,"type":"cuboid","y":0,"z":1,"length":-1,"width":1,"height":1,"yaw":0.5,"q":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"cuboid","x":0,"y":0,"z":0,"length":1,"width":1,"height":1,"yaw":1,"width":-1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"x":2,"q":1,"type":"sphere","type":"box2d","y":1,"width":0,"height":0}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"image":{"width":0,"height":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"image":{"width":1e-400,"height":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"image":{"width":3,"height":2,"depth":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"cuboid","x":0,"y":0,"z":0,"length":1,"width":1,"height":1,"yaw":1},"image":{"width":3,"height":2}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":1e999,"y":0,"width":1,"height":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":-1e-2,"height":1}}""",
        """{"item":"f","annotator":"a","field":"weather","label":"hail"}""",
        """{"item":"f","annotator":"a","field":"range_m","label":"-3"}""",
        """{"item":"f","annotator":"a","field":"range_m","label":"far"}""",
        """{"item":"f","annotator":"a","field":"temperature","label":"Infinity"}""",
        """{"item":"f","annotator":"a","field":"temperature","label":"1e999"}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"occlusion":"3"}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"range_m":-1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"range_m":"-0.5"}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"weather":true}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"weather":null}}""",
        """{"item":"","annotator":"a","label":"x"}""",
        """{"item":"f\u0001","annotator":"a","label":"x"}""",
        """{"item":"f","annotator":"a\u0085","label":"x"}""",
        "{\"item\":\"f\",\"annotator\":\"a\",\"label\":\"" + new string('x', 257) + "\"}",
        """{"item":"f","annotator":"a","label":"x","field":""}""",
        """{"item":"f","annotator":"a","label":"x","id":5}""",
        """{"item":"f","annotator":"a","label":"x","sourceLine":5}""",
        """{"item":"f","annotator":"a","label":"x"} {}""",
        """{"item":"f","annotator":"a","label":"x"},""",
        """{"item":"f","annotator":"a","label":"x",}""",
        """{"item":"f","annotator":"a","label":"x" """,
        """["item","f"]""",
        """{"item":"f","annotator":"a","label":"x","attributes":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":1}}}}}}}}}""",
    };

    /// <summary>Good lines the validator leaves to the parser (escapes, non-ASCII ids, an empty attributes object): read the same all the same.</summary>
    public static TheoryData<string> ParserLines => new()
    {
        """{"it\u0065m":"f","annotator":"a","label":"x"}""",
        """{"item":"f\"1","annotator":"a","label":"x"}""",
        """{"item":"Straße-🚗","annotator":"アノテーター","field":"天気","label":"霧"}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"occlusion":"1","occlusion":"2"}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":-0,"height":1e-400},"attributes":{"range_m":12345678901}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"image":{"width":1e3,"height":1}}""",
        """{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"occlusion":1.0}}""",
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Bad_line_gets_the_parsers_error_word_for_word(string line)
    {
        var delivery = Delivery(GoodLines[0], line, GoodLines[1]);

        var parsed = await ParseAsync(delivery);
        var validated = await ValidateAsync(delivery);

        Assert.StartsWith("error: ", parsed, StringComparison.Ordinal);
        Assert.Equal(parsed, validated);
        Assert.False(CanonicalLineValidator.IsValid(Encoding.UTF8.GetBytes(line), Index(Header), out _));
    }

    [Theory]
    [MemberData(nameof(ParserLines))]
    public async Task Line_left_to_the_parser_reads_as_the_parser_reads_it(string line)
    {
        var delivery = Delivery(line);

        var validated = await ValidateAsync(delivery);

        Assert.Equal(await ParseAsync(delivery), validated);
        Assert.DoesNotContain("error", validated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_lines_are_decided_without_the_parser_with_the_parsers_items()
    {
        var delivery = Delivery(GoodLines);

        Assert.Equal(await ParseAsync(delivery), await ValidateAsync(delivery));
        Assert.All(GoodLines, line => Assert.True(CanonicalLineValidator.IsValid(Encoding.UTF8.GetBytes(line), Index(Header), out _), line));
    }

    /// <summary>
    /// Every good line with each byte deleted and each byte replaced by one of a few that change JSON's meaning most
    /// (11,158 lines, most of them bad): whatever the parser says, the validating reader says too.
    /// </summary>
    [Fact]
    public async Task Every_one_byte_mutation_of_the_good_lines_reads_the_same_both_ways()
    {
        byte[] replacements = "-\"0e9{}:,\\ xé"u8.ToArray();
        var compared = 0;
        var validatorAccepted = 0;
        foreach (var good in GoodLines.Select(Encoding.UTF8.GetBytes))
        {
            for (var i = 0; i < good.Length; i++)
            {
                foreach (var mutated in Mutations(good, i, replacements))
                {
                    var delivery = Delivery(mutated);
                    Assert.Equal(await ParseAsync(delivery), await ValidateAsync(delivery));
                    validatorAccepted += CanonicalLineValidator.IsValid(mutated, Index(Header), out _) ? 1 : 0;
                    compared++;
                }
            }
        }

        // The validator decides a good share of the mutants itself (other digits, other ids), so the comparison covers it.
        Assert.True(compared > 5_000, $"{compared} mutants");
        Assert.True(validatorAccepted > compared / 10, $"{validatorAccepted} of {compared} accepted by the validator");
    }

    [Fact]
    public async Task Bad_deliveries_of_the_corpus_end_with_the_same_error_both_ways()
    {
        var single = BadDeliveries.All.Where(c => !c.IsMultiFile).ToList();
        Assert.NotEmpty(single);
        foreach (var bad in single)
        {
            var delivery = bad.Files["delivery.jsonl"];
            var parsed = await ParseAsync(delivery);

            Assert.Equal(parsed, await ValidateAsync(delivery));
        }
    }

    /// <summary>
    /// A registered taxonomy's declarations (<see cref="CanonicalDeliveryReader.CheckAlso"/>) give the errors that
    /// checking the parsed annotations gave (<see cref="DeliveryHeader.Checking"/>), after the header's own.
    /// </summary>
    [Theory]
    [InlineData("""{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"visibility":"most"}}""")]
    [InlineData("""{"item":"f","annotator":"a","field":"lighting","label":"dusk"}""")]
    [InlineData("""{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"visibility":"full","occlusion":"7"}}""")]
    [InlineData("""{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"visibility":"none","occlusion":"2","height_m":"-2"}}""")]
    [InlineData("""{"item":"f","annotator":"a","label":"car","geometry":{"type":"box2d","x":0,"y":0,"width":1,"height":1},"attributes":{"visibility":"full","height_m":"2"}}""")]
    public async Task Taxonomy_declarations_give_the_errors_of_checking_annotations(string line)
    {
        var taxonomyFields = new Dictionary<string, FieldDeclaration>(StringComparer.Ordinal)
        {
            ["visibility"] = new(MeasurementLevel.Ordinal, ["none", "partly", "full"]),
            ["lighting"] = new(MeasurementLevel.Nominal, ["day", "night"]),
            ["occlusion"] = new(MeasurementLevel.Nominal, ["a"]),
            ["height_m"] = new(MeasurementLevel.Ratio),
        };
        var delivery = Delivery(GoodLines[0], line);

        var checkedAnnotations = await OutcomeAsync(delivery, async (reader, header) =>
        {
            var merged = header with { Fields = Merge(taxonomyFields, header) };
            var next = merged.Checking(reader.ReadAnnotationAsync, "delivery.jsonl");
            var lines = new List<string>();
            while (await next(CancellationToken.None) is { } annotation)
            {
                lines.Add($"{annotation.Line} {annotation.Item}");
            }

            return lines;
        });
        var validated = await OutcomeAsync(delivery, async (reader, header) =>
        {
            reader.CheckAlso(header with { Fields = Merge(taxonomyFields, header) });
            return await ValidatedLinesAsync(reader);
        });

        Assert.Equal(checkedAnnotations, validated);
    }

    private static Dictionary<string, FieldDeclaration> Merge(Dictionary<string, FieldDeclaration> taxonomy, DeliveryHeader header)
    {
        var fields = new Dictionary<string, FieldDeclaration>(taxonomy, StringComparer.Ordinal);
        foreach (var (name, declaration) in header.Fields)
        {
            fields[name] = declaration;
        }

        return fields;
    }

    private static IEnumerable<byte[]> Mutations(byte[] line, int at, byte[] replacements)
    {
        yield return [.. line.AsSpan(0, at), .. line.AsSpan(at + 1)];
        foreach (var b in replacements.Where(b => b != line[at]))
        {
            var mutated = (byte[])line.Clone();
            mutated[at] = b;
            yield return mutated;
        }
    }

    private static DeclaredFieldIndex Index(string header) =>
        new(CanonicalLineParser.ParseHeader(Encoding.UTF8.GetBytes(header), "delivery.jsonl").Fields);

    private static byte[] Delivery(params string[] lines) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', lines) + "\n");

    private static byte[] Delivery(byte[] line) => [.. Encoding.UTF8.GetBytes(Header + "\n"), .. line, (byte)'\n'];

    /// <summary>Each annotation's line and item as the parser reads them, or its error in full.</summary>
    private static Task<string> ParseAsync(byte[] delivery) => OutcomeAsync(delivery, async (reader, _) =>
    {
        var lines = new List<string>();
        while (await reader.ReadAnnotationAsync(CancellationToken.None) is { } annotation)
        {
            lines.Add($"{annotation.Line} {annotation.Item}");
        }

        return lines;
    });

    /// <summary>The same, as ingest reads the lines.</summary>
    private static Task<string> ValidateAsync(byte[] delivery) => OutcomeAsync(delivery, (reader, _) => ValidatedLinesAsync(reader));

    private static async Task<List<string>> ValidatedLinesAsync(CanonicalDeliveryReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadValidatedLineAsync(CancellationToken.None) is { } line)
        {
            var item = line.Annotation?.Item ?? Encoding.UTF8.GetString(line.Item);
            lines.Add($"{line.Line} {item}");
        }

        return lines;
    }

    private static async Task<string> OutcomeAsync(byte[] delivery, Func<CanonicalDeliveryReader, DeliveryHeader, Task<List<string>>> read)
    {
        try
        {
            using var reader = new CanonicalDeliveryReader(new MemoryStream(delivery), "delivery.jsonl");
            var header = await reader.ReadHeaderAsync(CancellationToken.None);
            return string.Join('\n', await read(reader, header));
        }
        catch (DeliveryFormatException ex)
        {
            return $"error: {ex.File} | {ex.Line} | {ex.Field} | {ex.Problem} | {ex.Message}";
        }
    }
}
