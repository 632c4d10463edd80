using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Quality.Domain.Audit;
using Quality.Domain.Sampling;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>work</c> container: a run's normalised shards, one set per ingest attempt
/// (<c>{runId}/shards/{shardSet}/shard-{k}.jsonl</c>, see <see cref="Runs.Run.ShardSet"/>), and its partial results
/// named by work key (<c>{runId}/partials/{workKey}.json</c>), so a redelivered compute overwrites its own output with
/// the same bytes instead of adding to it.
/// </summary>
public sealed class BlobWorkStore(StorageClients storage)
{
    /// <summary>Write buffer per open shard; memory during ingest is shards × this.</summary>
    private const int ShardBufferBytes = 256 * 1024;

    /// <summary>A first guess of an evidence line's length, so the buffer rarely grows (lines are ~300–450 bytes).</summary>
    private const int EvidenceLineBytes = 384;

    private static readonly JsonTypeInfo<EvidencePair> EvidenceJson = (JsonTypeInfo<EvidencePair>)ReportJson.SerializerOptions.GetTypeInfo(typeof(EvidencePair));

    private readonly BlobContainerClient _container = storage.Container(storage.Names.Work);

    public static string ShardBlob(string runId, string shardSet, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}/shards/{shardSet}/shard-{shard:D5}.jsonl");

    public static string PartialBlob(string runId, string workKey) => $"{runId}/partials/{workKey}.json";

    public Task<Stream> OpenShardForWriteAsync(string runId, string shardSet, int shard, CancellationToken cancellationToken) =>
        _container.GetBlockBlobClient(ShardBlob(runId, shardSet, shard))
            .OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions { BufferSize = ShardBufferBytes }, cancellationToken);

    /// <summary>
    /// The shard's lines as one download streamed from the response: one request, where <c>OpenReadAsync</c> asks for
    /// the blob's properties and then 4 MiB ranges (three requests for a 4.5 MB shard) into a buffer of its own.
    /// </summary>
    /// <exception cref="RequestFailedException">404 when the shard does not exist.</exception>
    public async Task<Stream> OpenShardAsync(string runId, string shardSet, int shard, CancellationToken cancellationToken) =>
        await DownloadAsync(_container.GetBlobClient(ShardBlob(runId, shardSet, shard)), cancellationToken);

    /// <summary>A blob read front to back as one streamed download (retried from where it broke off, by the client).</summary>
    internal static async Task<Stream> DownloadAsync(BlobClient blob, CancellationToken cancellationToken) =>
        (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;

    /// <summary>Deletes an ingest attempt's shards: one that lost the race to another attempt, or whose delivery was rejected.</summary>
    public async Task DeleteShardSetAsync(string runId, string shardSet, int shards, CancellationToken cancellationToken) =>
        await Task.WhenAll(Enumerable.Range(0, shards).Select(k =>
            _container.GetBlobClient(ShardBlob(runId, shardSet, k)).DeleteIfExistsAsync(cancellationToken: cancellationToken)));

    public async Task WritePartialAsync(string runId, string workKey, BatchAuditState partial, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(PartialBlob(runId, workKey)).UploadAsync(PartialContent(partial), overwrite: true, cancellationToken);

    /// <summary>A partial's blob content (the compute-shards benchmark serialises it as the activity does).</summary>
    internal static BinaryData PartialContent(BatchAuditState partial) => BinaryData.FromBytes(PipelineJson.SerializeToUtf8Bytes(partial));

    public static string EvidenceBlob(string runId, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}/evidence/shard-{shard:D5}.jsonl");

    /// <summary>The shard's matched pairs, misses and extras as JSON Lines (overwritten by a redelivered compute).</summary>
    public async Task WriteEvidenceAsync(string runId, int shard, IReadOnlyList<EvidencePair> evidence, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(EvidenceBlob(runId, shard)).UploadAsync(EvidenceContent(evidence), overwrite: true, cancellationToken);

    /// <summary>
    /// An evidence blob's content: one <see cref="ReportJson"/> line per pair, the bytes <c>ReportJson.Serialize</c> gives
    /// each pair, written as UTF-8 straight into one buffer instead of a string per pair, a string of the lot and its
    /// UTF-8 copy (the compute-shards benchmark serialises it as the activity does).
    /// </summary>
    internal static BinaryData EvidenceContent(IReadOnlyList<EvidencePair> evidence)
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

        return BinaryData.FromBytes(lines.WrittenMemory);
    }

    /// <summary>
    /// An evidence blob's pairs, line by line, read from its UTF-8 as top-level JSON values (the line breaks are
    /// whitespace between them) rather than a string per line (the compute-shards benchmark reads them as root causes does).
    /// </summary>
    internal static async IAsyncEnumerable<EvidencePair> ReadEvidenceAsync(Stream evidence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var pair in JsonSerializer.DeserializeAsyncEnumerable(evidence, EvidenceJson, topLevelValues: true, cancellationToken))
        {
            yield return pair ?? throw new JsonException("An evidence line is null; expected a pair.");
        }
    }

    /// <summary>The shard's evidence, or an empty stream when the shard had none written.</summary>
    public async Task<Stream> OpenEvidenceAsync(string runId, int shard, CancellationToken cancellationToken)
    {
        try
        {
            return await DownloadAsync(_container.GetBlobClient(EvidenceBlob(runId, shard)), cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return Stream.Null;
        }
    }

    public static string FrameBlob(string runId, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}/frames/shard-{shard:D5}.json");

    /// <summary>The shard's review units, the frame the batch's review sample is drawn from (overwritten by a redelivered compute).</summary>
    public async Task WriteFrameAsync(string runId, int shard, IReadOnlyList<ReviewUnit> units, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(FrameBlob(runId, shard)).UploadAsync(BinaryData.FromBytes(PipelineJson.SerializeToUtf8Bytes(units)), overwrite: true, cancellationToken);

    /// <summary>The shard's review units, or null when its compute wrote none (it ran before the run's standard asked for a sample).</summary>
    public async Task<IReadOnlyList<ReviewUnit>?> ReadFrameAsync(string runId, int shard, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(FrameBlob(runId, shard)).DownloadContentAsync(cancellationToken);
            return PipelineJson.Deserialize<List<ReviewUnit>>(content.Value.Content);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<BatchAuditState> ReadPartialAsync(string runId, string workKey, CancellationToken cancellationToken)
    {
        var content = await _container.GetBlobClient(PartialBlob(runId, workKey)).DownloadContentAsync(cancellationToken);
        return PipelineJson.Deserialize<BatchAuditState>(content.Value.Content);
    }
}
