using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Quality.Domain.Audit;
using Quality.Domain.Sampling;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>work</c> container: a run's normalised shards, one set per ingest attempt
/// (<c>{runId}/shards/{shardSet}/shard-{k}.jsonl.gz</c>, see <see cref="Runs.Run.ShardSet"/>), and its partial results
/// named by work key (<c>{runId}/partials/{workKey}.json.gz</c>), so a redelivered compute overwrites its own output with
/// the same bytes instead of adding to it. Everything here is read back only by the pipeline, and stored gzip
/// (<see cref="WorkCompression"/>): fewer bytes through the storage service for a little CPU on either side.
/// </summary>
public sealed class BlobWorkStore(StorageClients storage)
{
    /// <summary>Write buffer per open shard; memory during ingest is shards × this.</summary>
    private const int ShardBufferBytes = 256 * 1024;

    private readonly BlobContainerClient _container = storage.Container(storage.Names.Work);

    public static string ShardBlob(string runId, string shardSet, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}/shards/{shardSet}/shard-{shard:D5}.jsonl.gz");

    public static string PartialBlob(string runId, string workKey) => $"{runId}/partials/{workKey}.json.gz";

    /// <summary>
    /// A stream that compresses each write (ingest's flushes of 64 KiB) into the shard's blob as a gzip member of its
    /// own, committed when disposed: an open shard holds its write buffer, not a compressor.
    /// </summary>
    public async Task<Stream> OpenShardForWriteAsync(string runId, string shardSet, int shard, CancellationToken cancellationToken) =>
        WorkCompression.CompressingEachWrite(await _container.GetBlockBlobClient(ShardBlob(runId, shardSet, shard))
            .OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions { BufferSize = ShardBufferBytes }, cancellationToken));

    /// <summary>
    /// The shard's lines, decompressed from one download streamed from the response: one request, where
    /// <c>OpenReadAsync</c> asks for the blob's properties and then 4 MiB ranges into a buffer of its own.
    /// </summary>
    /// <exception cref="RequestFailedException">404 when the shard does not exist.</exception>
    public async Task<Stream> OpenShardAsync(string runId, string shardSet, int shard, CancellationToken cancellationToken) =>
        WorkCompression.Decompressing(await DownloadAsync(_container.GetBlobClient(ShardBlob(runId, shardSet, shard)), cancellationToken));

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
    internal static BinaryData PartialContent(BatchAuditState partial) => WorkCompression.Compress(PipelineJson.SerializeToUtf8Bytes(partial));

    public static string FrameBlob(string runId, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}/frames/shard-{shard:D5}.json.gz");

    /// <summary>The shard's review units, the frame the batch's review sample is drawn from (overwritten by a redelivered compute).</summary>
    public async Task WriteFrameAsync(string runId, int shard, IReadOnlyList<ReviewUnit> units, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(FrameBlob(runId, shard)).UploadAsync(WorkCompression.Compress(PipelineJson.SerializeToUtf8Bytes(units)), overwrite: true, cancellationToken);

    /// <summary>The shard's review units, or null when its compute wrote none (it ran before the run's standard asked for a sample).</summary>
    public async Task<IReadOnlyList<ReviewUnit>?> ReadFrameAsync(string runId, int shard, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(FrameBlob(runId, shard)).DownloadContentAsync(cancellationToken);
            await using var json = WorkCompression.Decompress(content.Value.Content);
            return PipelineJson.Deserialize<List<ReviewUnit>>(json);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<BatchAuditState> ReadPartialAsync(string runId, string workKey, CancellationToken cancellationToken)
    {
        var content = await _container.GetBlobClient(PartialBlob(runId, workKey)).DownloadContentAsync(cancellationToken);
        await using var json = WorkCompression.Decompress(content.Value.Content);
        return PipelineJson.Deserialize<BatchAuditState>(json);
    }
}
