using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Tests.Formats;

public sealed class Utf8StringPoolTests
{
    [Fact]
    public void TryGet_AfterAdd_ReturnsTheAddedInstanceForEqualBytesOnly()
    {
        var pool = new Utf8StringPool();
        var text = "814e40ef221bd9bebc8e68a5ff5fb584";

        Assert.False(pool.TryGet("814e40ef221bd9bebc8e68a5ff5fb584"u8, out _));
        pool.Add("814e40ef221bd9bebc8e68a5ff5fb584"u8, text);

        Assert.True(pool.TryGet("814e40ef221bd9bebc8e68a5ff5fb584"u8.ToArray(), out var found));
        Assert.Same(text, found);
        Assert.False(pool.TryGet("814e40ef221bd9bebc8e68a5ff5fb585"u8, out _));
        Assert.False(pool.TryGet("814e40ef221bd9bebc8e68a5ff5fb58"u8, out _));
    }

    [Fact]
    public void Add_LongerThanMaxBytes_IsNotPooled()
    {
        var pool = new Utf8StringPool();
        var bytes = new byte[Utf8StringPool.MaxBytes + 1];
        bytes.AsSpan().Fill((byte)'a');

        pool.Add(bytes, new string('a', bytes.Length));

        Assert.False(pool.TryGet(bytes, out _));
    }
}
