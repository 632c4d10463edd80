using System.Text;
using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Json;
using Quality.Domain.Formats.NuScenes;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// Elements the splitter hands to <see cref="IJsonElementScanner.ScanPlain"/>, not to the reader: the same elements,
/// lines and byte offsets, and any later error at the line and byte a reader of the whole document gives.
/// </summary>
public sealed class JsonStreamSplitterPlainTests
{
    private static readonly FileRole Vendor = new("boxes.json", Annotator: "vendor-a");

    [Fact]
    public async Task Plain_elements_carry_the_index_line_and_byte_offset_of_the_text()
    {
        var json = Boxes(5, "  ", (i, box) => box);
        var scanner = new CountingScanner();
        using var splitter = new JsonStreamSplitter(new MemoryStream(Encoding.UTF8.GetBytes(json)), "f.json");

        await splitter.ReadRootAsync(CancellationToken.None);
        var elements = new List<(string, long, long, long)>();
        while (await splitter.ReadElementAsync(scanner, CancellationToken.None) is { } e)
        {
            elements.Add((Encoding.UTF8.GetString(e.Utf8.Span), e.Index, e.Line, e.ByteOffset));
        }

        await splitter.ReadEndAsync(CancellationToken.None);
        var starts = Enumerable.Range(0, json.Length).Where(i => json[i] == '{').ToList();
        Assert.Equal(
            starts.Select((start, i) => (json[start..(json.IndexOf('}', start) + 1)], (long)i, 1L + json[..start].Count(c => c == '\n'), (long)start)),
            elements);
        Assert.Equal(4, scanner.Plain); // the first element sets the reader's position in its line
    }

    [Fact]
    public async Task Boxes_read_plain_are_the_boxes_read_by_the_reader()
    {
        // Every third box has an escape, so that plain and read boxes alternate.
        var pretty = Boxes(30, "  ", (i, box) => i % 3 == 2 ? box.Replace("vehicle.car", "vehicle.\\u0063ar", StringComparison.Ordinal) : box);
        var compact = Boxes(30, "", (i, box) => box.Replace("\n", " ", StringComparison.Ordinal));

        var read = await ReadTextAsync("nuscenes", pretty, Vendor);
        var expected = await ReadTextAsync("nuscenes", compact, Vendor);

        Assert.Equal(expected.Select(Text), read.Select(Text));
        Assert.Equal(
            Enumerable.Range(0, pretty.Length).Where(i => pretty[i] == '{').Select(start => 1L + pretty[..start].Count(c => c == '\n')),
            read.Select(box => box.Line));
    }

    public static TheoryData<string, string> Breaks => new()
    {
        { "a box's first line", "{\"token\": 01," },
        { "a line inside a box", "    \"num_lidar_pts\": 2 3," },
        { "the separator between boxes", "  }\n  {" },
        { "a trailing comma", "    \"category_name\": \"car\"," },
        { "the line of a box's end", "  }, :" },
        { "the line of a box's end at another column", "      }, :" }, // read by the reader: its end is not where the state stands
    };

    [Theory]
    [MemberData(nameof(Breaks))]
    public async Task Invalid_json_after_plain_boxes_is_reported_where_a_reader_of_the_whole_document_finds_it(string where, string broken)
    {
        var lines = Boxes(6, "  ", (i, box) => box).Split('\n').ToList();
        var at = where switch
        {
            "a box's first line" => lines.FindLastIndex(line => line.StartsWith("  {", StringComparison.Ordinal)),
            "a line inside a box" => lines.FindLastIndex(line => line.Contains("num_lidar_pts", StringComparison.Ordinal)),
            "the separator between boxes" or "the line of a box's end" or "the line of a box's end at another column" => lines.FindLastIndex(line => line == "  },"),
            _ => lines.FindLastIndex(line => line.Contains("category_name", StringComparison.Ordinal)),
        };
        lines[at] = where == "a box's first line" ? "  " + broken : broken;
        if (where == "the separator between boxes")
        {
            lines.RemoveAt(at + 1);
        }

        var json = string.Join('\n', lines);
        var expected = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json));

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("nuscenes", json, Vendor));

        Assert.Equal(expected.LineNumber + 1, error.Line);
        Assert.StartsWith($"invalid JSON at byte {expected.BytePositionInLine} of the line: ", error.Problem, StringComparison.Ordinal);
    }

    /// <summary>An array of <paramref name="count"/> boxes, one property a line under <paramref name="indent"/>.</summary>
    private static string Boxes(int count, string indent, Func<int, string, string> edit) =>
        "[\n" + string.Join(",\n", Enumerable.Range(0, count).Select(i => edit(i, $$"""
            {{indent}}{
            {{indent}}  "token": "t-{{i}}",
            {{indent}}  "sample_token": "s-{{i / 2}}",
            {{indent}}  "translation": [{{i}}.25, -3.0000000000000004, 1.2],
            {{indent}}  "size": [1.9, 4.5, 1.6],
            {{indent}}  "rotation": [0.7071068, 0, 0, 0.7071068],
            {{indent}}  "attribute_names": ["vehicle.parked"],
            {{indent}}  "num_lidar_pts": {{i * 7}},
            {{indent}}  "category_name": "vehicle.car"
            {{indent}}}
            """))) + "\n]\n";

    private static string Text(Annotation box) =>
        $"{box.Item} {box.Id} {box.Label} {box.Cuboid} {string.Join(",", box.Attributes ?? new Dictionary<string, string>())}";

    /// <summary>The nuScenes scan, counting the elements it read plain.</summary>
    private sealed class CountingScanner : IJsonElementScanner
    {
        private readonly NuScenesBoxScan _scan = new(new NuScenesTexts());

        public int Plain { get; private set; }

        public bool TryScan(ref Utf8JsonReader reader) => _scan.Scan(ref reader);

        public int ScanPlain(ReadOnlySpan<byte> json)
        {
            var length = _scan.ScanPlain(json);
            Plain += length > 0 ? 1 : 0;
            return length;
        }
    }
}
