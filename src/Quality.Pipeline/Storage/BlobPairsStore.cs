using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Quality.Domain.Audit;

namespace Quality.Pipeline.Storage;

/// <summary>
/// A batch's pairs report (<c>reports/{batchId}/pairs.jsonl</c>): every matched pair, miss and extra as JSON Lines,
/// stored gzip (<c>Content-Encoding: gzip</c>) and assembled without copying. Each Compute stages its shard's evidence
/// as one uncommitted block, a gzip member (<see cref="WorkCompression"/>); Finalize commits the blocks in shard order;
/// root causes and the download read the committed report back, decompressed.
/// </summary>
/// <remarks>
/// Block blobs (learn.microsoft.com, "Put Block" and "Put Block List", and the scale targets): at most 50,000 committed
/// blocks a blob, each up to 4,000 MiB; at most 100,000 uncommitted blocks; every block ID of a blob the same length
/// (Base64 of at most 64 bytes); uncommitted blocks never committed are discarded after a week. One block per shard
/// (<see cref="PipelineOptions.MaxShards"/> is 512) and a shard's evidence is a few MB compressed, far inside all of it.
/// The block ID is a function of the shard, so a Compute run twice (activities are at-least-once) stages the same block
/// again and replaces its first copy instead of adding one; committing the same list again gives the same blob.
/// </remarks>
public sealed class BlobPairsStore(StorageClients storage)
{
    /// <summary>A first guess of an evidence line's length, so the buffer rarely grows (lines are ~300–450 bytes).</summary>
    private const int EvidenceLineBytes = 384;

    private static readonly JsonTypeInfo<EvidencePair> EvidenceJson = (JsonTypeInfo<EvidencePair>)ReportJson.SerializerOptions.GetTypeInfo(typeof(EvidencePair));

    private readonly BlobContainerClient _reports = storage.Container(storage.Names.Reports);

    /// <summary>The shard's block ID: Base64 of <c>shard-{k:D5}</c>, the same length for every shard a run can have.</summary>
    public static string BlockId(int shard) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"shard-{shard:D5}")));

    /// <summary>Stages the shard's pairs as its block of the report: a gzip member of their JSON Lines.</summary>
    public async Task StageAsync(string batchId, int shard, IReadOnlyList<EvidencePair> evidence, CancellationToken cancellationToken) =>
        await Blob(batchId).StageBlockAsync(BlockId(shard), WorkCompression.Compress(EvidenceContent(evidence)).ToStream(), cancellationToken: cancellationToken);

    /// <summary>
    /// Commits the staged blocks of the batch's <paramref name="shards"/> shards in shard order (a shard without pairs
    /// staged none), so the report is the shards' evidence concatenated. Run again, it commits the same blocks again.
    /// </summary>
    public async Task CommitAsync(string batchId, int shards, CancellationToken cancellationToken)
    {
        var blob = Blob(batchId);
        var staged = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var blocks = (await blob.GetBlockListAsync(BlockListTypes.All, cancellationToken: cancellationToken)).Value;
            staged.UnionWith(blocks.CommittedBlocks.Concat(blocks.UncommittedBlocks).Select(b => b.Name));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No shard staged a block: the report is empty.
        }

        var order = Enumerable.Range(0, shards).Select(BlockId).Where(staged.Contains).ToList();
        var headers = new BlobHttpHeaders { ContentType = "application/x-ndjson", ContentEncoding = WorkCompression.ContentEncoding };
        if (order.Count == 0)
        {
            // An empty block list would commit zero bytes, which is not a gzip file: one empty member instead.
            await blob.UploadAsync(WorkCompression.Compress(ReadOnlyMemory<byte>.Empty).ToStream(), new BlobUploadOptions { HttpHeaders = headers }, cancellationToken);
            return;
        }

        await blob.CommitBlockListAsync(order, new CommitBlockListOptions { HttpHeaders = headers }, cancellationToken);
    }

    /// <summary>The committed report's JSON Lines, decompressed from one streamed download, or null when there is none.</summary>
    public async Task<Stream?> OpenReadAsync(string batchId, CancellationToken cancellationToken)
    {
        try
        {
            return WorkCompression.Decompressing(await BlobWorkStore.DownloadAsync(_reports.GetBlobClient(BlobReportStore.BlobName(batchId, BlobReportStore.Pairs)), cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The committed report's pairs in order (none when there is no report).</summary>
    public async IAsyncEnumerable<EvidencePair> ReadAsync(string batchId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lines = await OpenReadAsync(batchId, cancellationToken) ?? Stream.Null;
        await foreach (var pair in ReadEvidenceAsync(lines, cancellationToken))
        {
            yield return pair;
        }
    }

    /// <summary>
    /// A shard's pairs as the report's JSON Lines: one <see cref="ReportJson"/> line per pair, the bytes
    /// <c>ReportJson.Serialize</c> gives each pair, written as UTF-8 straight into one buffer instead of a string per
    /// pair (the compute-shards benchmark serialises it as the activity does).
    /// </summary>
    internal static ReadOnlyMemory<byte> EvidenceContent(IReadOnlyList<EvidencePair> evidence)
    {
        var lines = new ArrayBufferWriter<byte>(Math.Max(1, evidence.Count) * EvidenceLineBytes);
        using var writer = new Utf8JsonWriter(lines, new JsonWriterOptions { Encoder = ReportJson.SerializerOptions.Encoder, SkipValidation = true });
        foreach (var pair in evidence)
        {
            JsonSerializer.Serialize(writer, pair, EvidenceJson);
            writer.Flush();
            lines.GetSpan(1)[0] = (byte)'\n';
            lines.Advance(1);
            writer.Reset();
        }

        return lines.WrittenMemory;
    }

    /// <summary>
    /// Pairs read from JSON Lines as top-level JSON values (the line breaks are whitespace between them) rather than a
    /// string per line (the compute-shards benchmark reads them as root causes does).
    /// </summary>
    internal static async IAsyncEnumerable<EvidencePair> ReadEvidenceAsync(Stream evidence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var pair in JsonSerializer.DeserializeAsyncEnumerable(evidence, EvidenceJson, topLevelValues: true, cancellationToken))
        {
            yield return pair ?? throw new JsonException("An evidence line is null; expected a pair.");
        }
    }

    private BlockBlobClient Blob(string batchId) => _reports.GetBlockBlobClient(BlobReportStore.BlobName(batchId, BlobReportStore.Pairs));
}
