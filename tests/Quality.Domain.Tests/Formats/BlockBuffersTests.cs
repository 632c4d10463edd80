using Quality.Domain.Formats.Csv;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// The buffers of a table read in blocks: as many as are in flight at once, each used again once given back, holding
/// what was written into them until then.
/// </summary>
public sealed class BlockBuffersTests
{
    [Fact]
    public void Rent_AfterReturn_GivesTheSameBufferBack()
    {
        using var buffers = new BlockBuffers(4096);

        var first = buffers.Rent(0);
        buffers.Return(first);
        var second = buffers.Rent(100);

        Assert.Same(first, second);
        Assert.Equal(1, buffers.Made);
    }

    [Fact]
    public void Rent_ThreeInFlight_MakesThreeDistinctBuffersOfThePoolsSize()
    {
        using var buffers = new BlockBuffers(4096);

        var rented = new[] { buffers.Rent(0), buffers.Rent(0), buffers.Rent(0) };

        Assert.Equal(3, rented.Distinct().Count());
        Assert.All(rented, b => Assert.Equal(4096, b.Length));
        Assert.Equal(3, buffers.Made);
    }

    [Fact]
    public void Rent_MoreThanThePoolsSize_MakesALargerBufferAndKeepsItForLater()
    {
        using var buffers = new BlockBuffers(4096);
        buffers.Return(buffers.Rent(0));

        var large = buffers.Rent(10_000); // the free 4096-byte buffer cannot hold it
        buffers.Return(large);

        Assert.Equal(10_000, large.Length);
        Assert.Same(large, buffers.Rent(0));
        Assert.Equal(2, buffers.Made);
    }

    [Theory]
    [InlineData(300)] // a test's blocks: small pages
    [InlineData(8 << 20)] // the default block: 2 MiB-aligned, huge pages advised on Linux
    public void NativeBuffer_WrittenThroughMemory_ReadsTheSameThroughItsSpan(int length)
    {
        using var buffers = new BlockBuffers(length);
        var buffer = buffers.Rent(0);
        var pattern = Enumerable.Range(0, length).Select(i => (byte)(i * 31 + (i >> 9))).ToArray();

        pattern.CopyTo(buffer.Memory);

        Assert.Equal(length, buffer.GetSpan().Length);
        Assert.True(buffer.GetSpan().SequenceEqual(pattern));
        Assert.Equal(pattern[^1], buffer.Memory.Span[^1]);
    }

    [Fact]
    public void NativeBuffer_AfterDispose_RefusesItsBytes()
    {
        var buffers = new BlockBuffers(64);
        var buffer = buffers.Rent(0);

        buffers.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan());
    }
}
