using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>The work container's shards on Azurite: stored gzip, read back byte for byte.</summary>
public sealed class BlobWorkStoreTests
{
    [Fact]
    public async Task Shard_WrittenInPieces_StoredGzipAndReadBackByteForByte()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var work = pipeline.Get<BlobWorkStore>();
        // 2,000 normalised lines (~0.4 MB, past the 256 KiB write buffer, so the blob has several blocks), with "ß" as
        // two UTF-8 bytes, written in the 64 KiB pieces ingest's shard writer flushes.
        var text = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            text.Append($$"""{"item":"scene-{{i / 40}}/frame-{{i % 40}}","annotator":"ann-{{i % 3}}","role":"annotator","id":"o-{{i}}","label":"Fußgänger","_line":{{i + 2}}}""").Append('\n');
        }

        var lines = Encoding.UTF8.GetBytes(text.ToString());
        await using (var shard = await work.OpenShardForWriteAsync("run-1", "set-a", 7, CancellationToken.None))
        {
            foreach (var piece in lines.Chunk(64 * 1024))
            {
                await shard.WriteAsync(piece, CancellationToken.None);
            }
        }

        var stored = (await pipeline.Storage.Container(pipeline.Storage.Names.Work).GetBlobClient(BlobWorkStore.ShardBlob("run-1", "set-a", 7)).DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal([0x1f, 0x8b], stored[..2]);
        Assert.True(stored.Length * 4 < lines.Length, $"{stored.Length} bytes stored for {lines.Length}");
        Assert.Equal(lines, await ReadShardAsync(work, 7));
    }

    [Fact]
    public async Task Shard_WrittenInManyFlushes_OneMemberEachInFullBlocksAndReadBackByteForByte()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var work = pipeline.Get<BlobWorkStore>();
        // 2.26 MB of lines with seeded numbers (which compress less than names, as annotations' coordinates do),
        // written in 35 pieces of 64 KiB as ingest's shard writer flushes them, then one empty flush as its last flush of a drained shard.
        var random = new Random(20);
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            text.Append($$"""{"item":"scene-{{i / 40}}/frame-{{i % 40}}","annotator":"ann-{{i % 3}}","id":"o-{{i}}","label":"car","x":{{random.Next(100_000) / 1000.0}},"y":{{random.Next(100_000) / 1000.0}},"_line":{{i + 2}}}""").Append('\n');
        }

        var lines = Encoding.UTF8.GetBytes(text.ToString());
        var pieces = lines.Chunk(64 * 1024).ToList();
        await using (var shard = await work.OpenShardForWriteAsync("run-1", "set-a", 8, CancellationToken.None))
        {
            foreach (var piece in pieces)
            {
                await shard.WriteAsync(piece, CancellationToken.None);
            }

            await shard.WriteAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        }

        var blob = pipeline.Storage.Container(pipeline.Storage.Names.Work).GetBlockBlobClient(BlobWorkStore.ShardBlob("run-1", "set-a", 8));
        var stored = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        // One gzip member per non-empty piece. A member begins with the magic 1f 8b, deflate (08), no flags (00) and
        // no time (00 00 00 00), RFC 1952 §2.3; those 8 bytes inside compressed data are a 2^-64 chance a position.
        byte[] header = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00];
        Assert.Equal(header, stored[..8]);
        Assert.Equal(pieces.Count, Enumerable.Range(0, stored.Length - 7).Count(i => stored.AsSpan(i, 8).SequenceEqual(header)));
        // Members restart deflate's 32 KiB window every 64 KiB and add 18 bytes of header and trailer each: within 5%
        // of the whole text compressed as one member (35 × 18 bytes alone are 0.1% of it), and under a third of the text.
        var oneMember = WorkCompression.Compress(lines).ToArray().Length;
        Assert.True(stored.Length < oneMember * 1.05, $"{stored.Length} bytes stored, {oneMember} as one member");
        Assert.True(stored.Length * 3 < lines.Length, $"{stored.Length} bytes stored for {lines.Length}");
        // The members are gathered into the 256 KiB write buffer: every block but the last is full, so the blob has
        // ceil(stored / 256 KiB) blocks, not one a flush.
        var blocks = (await blob.GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.ToList();
        Assert.Equal((stored.Length + (256 * 1024) - 1) / (256 * 1024), blocks.Count);
        Assert.Equal(lines, await ReadShardAsync(work, 8));
    }

    [Fact]
    public async Task Shard_OnlyEmptyFlushes_ReadsBackEmpty()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var work = pipeline.Get<BlobWorkStore>();
        await using (var shard = await work.OpenShardForWriteAsync("run-1", "set-a", 9, CancellationToken.None))
        {
            await shard.WriteAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None);
        }

        Assert.Empty(await ReadShardAsync(work, 9));
    }

    private static async Task<byte[]> ReadShardAsync(BlobWorkStore work, int shard)
    {
        await using var read = await work.OpenShardAsync("run-1", "set-a", shard, CancellationToken.None);
        using var back = new MemoryStream();
        await read.CopyToAsync(back);
        return back.ToArray();
    }

    [Fact]
    public void ShardBlob_SaysItIsGzip() =>
        Assert.Equal("run-1/shards/set-a/shard-00007.jsonl.gz", BlobWorkStore.ShardBlob("run-1", "set-a", 7));
}
