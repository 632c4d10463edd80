using System.Text;
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
        await using var read = await work.OpenShardAsync("run-1", "set-a", 7, CancellationToken.None);
        using var back = new MemoryStream();
        await read.CopyToAsync(back);
        Assert.Equal(lines, back.ToArray());
    }

    [Fact]
    public void ShardBlob_SaysItIsGzip() =>
        Assert.Equal("run-1/shards/set-a/shard-00007.jsonl.gz", BlobWorkStore.ShardBlob("run-1", "set-a", 7));
}
