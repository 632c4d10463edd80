using System.IO.Compression;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The codec of what the pipeline writes only to read back (ingest's shards, Compute's partials and review frames) and
/// of the pairs report's blocks: gzip at <see cref="CompressionLevel.Fastest"/>, which .NET runs on zlib-ng's level 1.
/// </summary>
/// <remarks>
/// Why: every byte written goes through the storage service, and on the dev host that is Azurite's one node thread,
/// which takes blocks in at ~39 MB per CPU-second and bounded ingest. A shard's JSON Lines shrink several times at
/// a small fraction of the CPU the service spent on them (docs/performance.md, "Fifth round"). Gzip rather than zlib or
/// raw deflate because gzip members concatenate into one valid gzip file (RFC 1952 §2.2): the pairs report is the
/// shards' members committed in shard order, which any HTTP client decodes under <c>Content-Encoding: gzip</c>.
/// </remarks>
internal static class WorkCompression
{
    /// <summary>The <c>Content-Encoding</c> of a blob stored in this codec.</summary>
    public const string ContentEncoding = "gzip";

    /// <summary>
    /// A stream that compresses each write into <paramref name="output"/> as a gzip member of its own, holding no
    /// compressor between writes (<see cref="GzipMemberWriteStream"/>), and disposes it when disposed.
    /// </summary>
    public static Stream CompressingEachWrite(Stream output) => new GzipMemberWriteStream(output);

    /// <summary>A stream of <paramref name="input"/>'s content decompressed (every gzip member in turn), disposing it when disposed.</summary>
    public static Stream Decompressing(Stream input) => new GZipStream(input, CompressionMode.Decompress, leaveOpen: false);

    /// <summary><paramref name="content"/> as one gzip member.</summary>
    public static BinaryData Compress(ReadOnlyMemory<byte> content)
    {
        var compressed = new MemoryStream((content.Length / 4) + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content.Span);
        }

        return new BinaryData(compressed.GetBuffer().AsMemory(0, (int)compressed.Length));
    }

    /// <summary>A whole gzip blob's content, decompressed.</summary>
    public static Stream Decompress(BinaryData compressed) => Decompressing(compressed.ToStream());
}
