using System.Text;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// <see cref="PlainJsonCursor.TryString"/>, read sixteen bytes at a time, against its definition byte by byte: a
/// string of printable ASCII without a backslash up to its closing quote, wherever a quote, a backslash, a control,
/// DEL or non-ASCII byte falls in or across the sixteen-byte blocks, and whatever follows the quote.
/// </summary>
public sealed class PlainJsonCursorTests
{
    private static readonly byte[] Specials = [(byte)'"', (byte)'\\', 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF, (byte)' ', (byte)'~'];

    [Fact]
    public void TryString_takes_exactly_the_printable_ASCII_before_the_first_quote()
    {
        var random = new Random(16);
        for (var n = 0; n < 20_000; n++)
        {
            var data = new byte[random.Next(1, 60)];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = random.Next(4) == 0 ? Specials[random.Next(Specials.Length)] : (byte)random.Next(0x20, 0x7F);
            }

            data[0] = (byte)'"';
            var cursor = new PlainJsonCursor(data, 0);
            var expected = Expected(data.AsSpan(1));
            Assert.Equal(expected >= 0, cursor.TryString(out var text));
            if (expected >= 0)
            {
                Assert.Equal(expected, text.Length);
                Assert.Equal(expected + 2, cursor.Position);
            }
        }
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"abcdefghijklmnopqrstuvwxyz0123\", \"x\"", "abcdefghijklmnopqrstuvwxyz0123")]
    [InlineData("\"vehicle.parked\"]", "vehicle.parked")]
    public void TryString_reads_a_plain_string(string json, string expected)
    {
        var cursor = new PlainJsonCursor(Encoding.ASCII.GetBytes(json), 0);
        Assert.True(cursor.TryString(out var text));
        Assert.Equal(expected, Encoding.ASCII.GetString(text));
    }

    [Theory]
    [InlineData("\"abcdefghijklmnopqrstuvwxyz\\\"0123\"")]
    [InlineData("\"abcdefghijklmnop\tqrstuvwxyz\"")]
    [InlineData("\"abcdefghijklmnopqrstuvwxyz")]
    [InlineData("\"caf\u00e9 au lait, s'il vous plait\"")]
    public void TryString_leaves_an_escape_a_control_or_non_ASCII_byte_or_an_unclosed_string_to_the_reader(string json)
    {
        var cursor = new PlainJsonCursor(Encoding.UTF8.GetBytes(json), 0);
        Assert.False(cursor.TryString(out _));
        Assert.Equal(0, cursor.Position);
    }

    [Fact]
    public void Peek_skips_white_space_of_any_length_and_mix()
    {
        var random = new Random(8);
        byte[] spaces = [(byte)' ', (byte)' ', (byte)' ', (byte)'\n', (byte)'\t', (byte)'\r'];
        for (var n = 0; n < 5_000; n++)
        {
            var data = new byte[random.Next(1, 40)];
            var at = random.Next(data.Length + 1);
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = i < at ? spaces[random.Next(spaces.Length)] : (byte)'x';
            }

            var cursor = new PlainJsonCursor(data, 0);
            Assert.Equal(at < data.Length ? (byte)'x' : 0, cursor.Peek());
            Assert.Equal(at, cursor.Position);
        }
    }

    /// <summary>The definition: the first quote's index when all before it are 0x20–0x7E but the backslash; else −1.</summary>
    private static int Expected(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == (byte)'"')
            {
                return i;
            }

            if (data[i] is (byte)'\\' or < 0x20 or > 0x7E)
            {
                return -1;
            }
        }

        return -1;
    }
}
