using System.IO.Compression;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Quality.Domain.Audit;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Storage;

/// <summary>
/// The pairs report, byte for byte: what Compute stages per shard (the UTF-8 writer must give the bytes the string
/// forms gave), and on Azurite the report Finalize commits from the staged blocks, as a user downloads it.
/// </summary>
public sealed class BlobPairsStoreTests
{
    private static readonly EvidencePair Matched = new(
        "scene-1/frame-0007", "lidar", "matched", "gold", "g-12", "ann-b", "b-40", "Fußgänger", "Fußgänger", 0.8125,
        new Dictionary<string, string?[]> { ["occluded"] = ["true", "false"] });

    private static readonly EvidencePair Missed = new("scene-1/frame-0007", "lidar", "missed", "gold", "g-13", "ann-b", null, "car", null, null, null);

    // Written out by hand: ReportJson's camelCase names in declaration order, nulls written, text unescaped ("ß", "ä"
    // as UTF-8, not \u escapes), 0.8125 (= 13/16, exact in binary) as its shortest form, '\n' after each line.
    private const string MatchedLine =
        """{"item":"scene-1/frame-0007","dataType":"lidar","outcome":"matched","goldAnnotator":"gold","goldObject":"g-12","annotator":"ann-b","annotatorObject":"b-40","goldClass":"Fußgänger","annotatorClass":"Fußgänger","iou":0.8125,"attributeDifferences":{"occluded":["true","false"]},"strata":null}""" + "\n";

    private const string MissedLine =
        """{"item":"scene-1/frame-0007","dataType":"lidar","outcome":"missed","goldAnnotator":"gold","goldObject":"g-13","annotator":"ann-b","annotatorObject":null,"goldClass":"car","annotatorClass":null,"iou":null,"attributeDifferences":null,"strata":null}""" + "\n";

    [Fact]
    public void EvidenceContent_TwoPairs_OneCompactReportJsonLineEachAsWrittenOut()
    {
        var content = BlobPairsStore.EvidenceContent([Matched, Missed]).ToArray();

        Assert.Equal(MatchedLine + MissedLine, Encoding.UTF8.GetString(content));
        Assert.Equal(Encoding.UTF8.GetBytes(ReportJson.Serialize(Matched) + "\n" + ReportJson.Serialize(Missed) + "\n"), content);
    }

    [Fact]
    public async Task ReadEvidence_WrittenContent_TheSamePairsInOrder()
    {
        var read = new List<EvidencePair>();
        await foreach (var pair in BlobPairsStore.ReadEvidenceAsync(new MemoryStream(BlobPairsStore.EvidenceContent([Matched, Missed]).ToArray()), CancellationToken.None))
        {
            read.Add(pair);
        }

        // The pairs hold a dictionary (compared by reference in a record), so each is compared as its JSON line.
        Assert.Equal([ReportJson.Serialize(Matched), ReportJson.Serialize(Missed)], read.Select(p => ReportJson.Serialize(p)));
        Assert.Equal(0.8125, read[0].Iou);
        Assert.Equal(("true", "false"), (read[0].AttributeDifferences!["occluded"][0], read[0].AttributeDifferences!["occluded"][1]));
        Assert.Null(read[1].AnnotatorObject);
    }

    [Fact]
    public void EvidenceContent_NoPairs_IsEmpty() =>
        Assert.Equal(0, BlobPairsStore.EvidenceContent([]).Length);

    [Fact]
    public void BlockId_FirstAndLastShard_SameLengthBase64OfTheShardName()
    {
        // "shard-00000" is 11 ASCII bytes: Base64 of 11 bytes is 16 characters ("c2hhcmQtMDAwMDA=" by hand: "sha" "rd-" "000" "00").
        Assert.Equal("c2hhcmQtMDAwMDA=", BlobPairsStore.BlockId(0));
        Assert.Equal(BlobPairsStore.BlockId(0).Length, BlobPairsStore.BlockId(new PipelineOptions().MaxShards - 1).Length);
    }

    [Fact]
    public async Task Commit_ShardsStagedOutOfOrderOneTwiceOneWithout_ReportIsTheirLinesInShardOrder()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var pairs = pipeline.Get<BlobPairsStore>();

        // Four shards: 2 finishes first, 0 runs twice (a redelivered Compute), 1 and 3 have no boxes and stage nothing.
        await pairs.StageAsync("batch-1", 2, [Matched], CancellationToken.None);
        await pairs.StageAsync("batch-1", 0, [Missed, Missed], CancellationToken.None);
        await pairs.StageAsync("batch-1", 0, [Missed, Missed], CancellationToken.None);
        await pairs.CommitAsync("batch-1", 4, CancellationToken.None);

        var expected = MissedLine + MissedLine + MatchedLine;
        Assert.Equal(expected, await ReadTextAsync(pairs, "batch-1"));
        var blob = pipeline.Storage.Container(pipeline.Storage.Names.Reports).GetBlockBlobClient(BlobReportStore.BlobName("batch-1", BlobReportStore.Pairs));
        var blocks = (await blob.GetBlockListAsync(BlockListTypes.All)).Value;
        Assert.Equal([BlobPairsStore.BlockId(0), BlobPairsStore.BlockId(2)], blocks.CommittedBlocks.Select(b => b.Name));
        Assert.Empty(blocks.UncommittedBlocks);

        // As stored: gzip (RFC 1952: 1f 8b), labelled so, and what any gzip reader makes of it is the same lines.
        var stored = (await blob.DownloadContentAsync()).Value;
        Assert.Equal(("gzip", "application/x-ndjson"), (stored.Details.ContentEncoding, stored.Details.ContentType));
        Assert.Equal([0x1f, 0x8b], stored.Content.ToArray()[..2]);
        using (var gunzip = new StreamReader(new GZipStream(stored.Content.ToStream(), CompressionMode.Decompress), Encoding.UTF8))
        {
            Assert.Equal(expected, await gunzip.ReadToEndAsync());
        }

        // Finalize run again commits the same blocks: the same report.
        await pairs.CommitAsync("batch-1", 4, CancellationToken.None);
        Assert.Equal(expected, await ReadTextAsync(pairs, "batch-1"));
        var read = new List<string>();
        await foreach (var pair in pairs.ReadAsync("batch-1", CancellationToken.None))
        {
            read.Add(pair.Outcome);
        }

        Assert.Equal(["missed", "missed", "matched"], read);
    }

    [Fact]
    public async Task Commit_NoShardStagedPairs_AnEmptyReport()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var pairs = pipeline.Get<BlobPairsStore>();

        await pairs.CommitAsync("batch-2", 3, CancellationToken.None);

        Assert.Equal("", await ReadTextAsync(pairs, "batch-2"));
        Assert.Null(await pairs.OpenReadAsync("no-such-batch", CancellationToken.None));
    }

    private static async Task<string> ReadTextAsync(BlobPairsStore pairs, string batchId)
    {
        await using var lines = (await pairs.OpenReadAsync(batchId, CancellationToken.None))!;
        using var reader = new StreamReader(lines, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
