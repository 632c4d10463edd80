using System.Diagnostics;
using System.Text;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Json;
using static Quality.Domain.Tests.Formats.FormatReading;

namespace Quality.Domain.Tests.Formats;

/// <summary>The streaming splitter under the JSON formats: positions, limits, and buffers that end anywhere.</summary>
public sealed class JsonStreamSplitterTests
{
    public static TheoryData<string, string> JsonFormats => new()
    {
        { "label-studio", "" },
        { "coco", """{"annotations": """ },
        { "coco-results", "" },
        { "nuscenes", "" },
    };

    [Fact]
    public async Task Elements_carry_their_index_line_and_byte_offset_across_one_byte_reads()
    {
        const string json = "[\n  {\"a\": 1},\n  [2, 3],\n  \"four\"\n]\n";
        using var splitter = new JsonStreamSplitter(new ForwardOnlyStream(Encoding.UTF8.GetBytes(json), maxPiece: 1), "f.json");

        await splitter.ReadRootAsync(CancellationToken.None);
        var elements = new List<(string, long, long, long)>();
        while (await splitter.ReadElementAsync(CancellationToken.None) is { } e)
        {
            elements.Add((Encoding.UTF8.GetString(e.Utf8.Span), e.Index, e.Line, e.ByteOffset));
        }

        await splitter.ReadEndAsync(CancellationToken.None);
        Assert.Equal([("{\"a\": 1}", 0L, 2L, 4L), ("[2, 3]", 1L, 3L, 16L), ("\"four\"", 2L, 4L, 26L)], elements);
    }

    [Fact]
    public async Task Reading_in_odd_sized_pieces_gives_what_reading_whole_gives()
    {
        var bytes = await File.ReadAllBytesAsync(SharedData("ls-evalme-3annotators", "test_bbox.json"));

        var whole = await ReadAllAsync("label-studio", new MemoryStream(bytes), new FileRole("f"));
        var trickled = await ReadAllAsync("label-studio", new ForwardOnlyStream(bytes, maxPiece: 7), new FileRole("f"));

        Assert.Equal(whole, trickled, (a, b) => a.Item == b.Item && a.Annotator == b.Annotator && a.Box == b.Box && a.Id == b.Id);
    }

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public async Task Deep_nesting_is_a_quick_typed_error(string format, string prefix)
    {
        var json = prefix + new string('[', 100_000);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync(format, json, Role()));

        Assert.Contains("depth", error.Problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(JsonFormats))]
    public async Task A_20_MB_element_is_a_quick_typed_error(string format, string prefix)
    {
        var json = prefix + "[{\"id\": 1, \"padding\": \"" + new string('x', 20 << 20) + "\"}]" + (prefix.Length > 0 ? "}" : "");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync(format, json, Role()));

        Assert.Contains($"larger than {JsonStreamSplitter.DefaultMaxElementBytes} bytes", error.Problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("", "invalid JSON")]
    [InlineData("[] []", "invalid JSON")]
    [InlineData("[{\"id\": 1,}]", "invalid JSON")]
    [InlineData("[{\"id\": 1}", "invalid JSON")]
    [InlineData("42", "array of tasks")]
    public async Task Broken_documents_are_typed_errors(string json, string problem)
    {
        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() => ReadTextAsync("label-studio", json, Role()));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Byte_order_mark_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[]")).ToArray();

        Assert.Empty(await ReadAllAsync("label-studio", new MemoryStream(bytes), Role()));
    }

    private static FileRole Role() => new("f.json", Annotator: "a", LabelNames: new Dictionary<string, string> { ["1"] = "car" });
}
