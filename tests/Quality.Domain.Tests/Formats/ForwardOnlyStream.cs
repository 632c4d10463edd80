namespace Quality.Domain.Tests.Formats;

/// <summary>
/// A stream that cannot seek, like an HTTP response body; with a small <paramref name="maxPiece"/> each read returns
/// only a few bytes, so a reader's buffer ends inside every token.
/// </summary>
internal sealed class ForwardOnlyStream(Stream inner, int maxPiece = int.MaxValue) : Stream
{
    public ForwardOnlyStream(byte[] bytes, int maxPiece = int.MaxValue)
        : this(new MemoryStream(bytes), maxPiece)
    {
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => inner.Read(buffer[..Math.Min(buffer.Length, maxPiece)]);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer[..Math.Min(buffer.Length, maxPiece)], cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
