using System.IO.Compression;

namespace Quality.Pipeline.Storage;

/// <summary>
/// A write-only stream that stores each write as its own gzip member in <paramref name="output"/>, compressed by a
/// compressor that lives only for that write; disposing it disposes <paramref name="output"/> unless
/// <paramref name="leaveOpen"/> (as <see cref="GZipStream"/>'s does).
/// </summary>
/// <remarks>
/// Why not one <see cref="GZipStream"/> open for the whole blob: each holds zlib-ng's deflate state (window, hash
/// chains, pending output), 341 KiB of native memory once written to (measured, docs/performance.md "Sixth round"),
/// and ingest keeps one shard open per shard for the whole delivery, so its memory followed the shard count. Members
/// concatenate into one valid gzip file (RFC 1952 §2.2) that <see cref="GZipStream"/> decompresses member after member,
/// and deflate only looks 32 KiB back, so members of ingest's 64 KiB flushes lose little of the ratio.
/// </remarks>
internal sealed class GzipMemberWriteStream(Stream output, bool leaveOpen = false) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        using var member = Member();
        member.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <remarks>An empty write (ingest's last flush of a shard with nothing left) adds no member.</remarks>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        await using var member = Member();
        await member.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>Nothing to flush: every write is complete when it returns, and the output's own flush would stage a block too small.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            output.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!leaveOpen)
        {
            await output.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private GZipStream Member() => new(output, CompressionLevel.Fastest, leaveOpen: true);
}
