using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Quality.Domain.Facts;
using Quality.Pipeline.Facts;

namespace Quality.Pipeline.Storage;

/// <summary>
/// A batch's facts (docs/query.md): each shard's Parquet files go to <c>work</c> as the shard is computed
/// (<c>{runId}/facts/{table}-{shard}.parquet</c>), and finalize publishes them to <c>reports</c> under
/// <see cref="FactPaths"/>, so only a batch that completes is in the facts, never half of a rejected one.
/// Names are fixed by run, table and shard: a redelivered activity overwrites its own files with the same bytes.
/// </summary>
public sealed class BlobFactStore(StorageClients storage)
{
    private readonly BlobContainerClient _work = storage.Container(storage.Names.Work);
    private readonly BlobContainerClient _reports = storage.Container(storage.Names.Reports);

    public static string ShardBlob(string runId, string table, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{runId}/facts/{table}-{shard:D5}.parquet");

    /// <summary>The shard's facts, one file per table that has rows.</summary>
    public async Task WriteShardAsync(string runId, int shard, FactOrigin origin, FactCollector facts, CancellationToken cancellationToken)
    {
        foreach (var table in FactTable.All)
        {
            if (await FactParquet.SerializeAsync(facts, origin, table, cancellationToken) is { } bytes)
            {
                await _work.GetBlobClient(ShardBlob(runId, table, shard)).UploadAsync(BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Copies every shard's files from <c>work</c> to their partition in <c>reports</c>; a shard without rows has none.
    /// A file is one download and one upload: a shard's files are a few hundred KB, where a stream opened for reading
    /// would ask for the blob's properties first.
    /// </summary>
    public async Task PublishAsync(string runId, int shards, FactOrigin origin, CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < shards; shard++)
        {
            foreach (var table in FactTable.All)
            {
                BinaryData content;
                try
                {
                    content = (await _work.GetBlobClient(ShardBlob(runId, table, shard)).DownloadContentAsync(cancellationToken)).Value.Content;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    continue;
                }

                await _reports.GetBlobClient(FactPaths.File(origin, table, shard)).UploadAsync(content, new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/vnd.apache.parquet" },
                }, cancellationToken);
            }
        }
    }

    /// <summary>Whether the <c>reports</c> container exists: one request, to tell an unreachable or wrong account early.</summary>
    public async Task<bool> ReportsExistAsync(CancellationToken cancellationToken) => (await _reports.ExistsAsync(cancellationToken)).Value;

    /// <summary>
    /// Mirrors <c>reports/facts/</c> into <paramref name="folder"/> (laid out like the container): downloads the files that
    /// are new or changed (by length and last-modified time) and deletes local files no longer stored.
    /// </summary>
    /// <returns>How many files were downloaded, and how many the folder holds.</returns>
    public async Task<(int Downloaded, int Files)> MirrorAsync(string folder, CancellationToken cancellationToken)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var downloaded = 0;
        await foreach (var blob in _reports.GetBlobsAsync(new GetBlobsOptions { Prefix = FactPaths.Root + "/" }, cancellationToken))
        {
            var local = Path.GetFullPath(Path.Combine(folder, blob.Name));
            kept.Add(local);
            var file = new FileInfo(local);
            var modified = blob.Properties.LastModified ?? DateTimeOffset.MinValue;
            if (file.Exists && file.Length == blob.Properties.ContentLength && file.LastWriteTimeUtc == modified.UtcDateTime)
            {
                continue;
            }

            Directory.CreateDirectory(file.DirectoryName!);
            await _reports.GetBlobClient(blob.Name).DownloadToAsync(local, cancellationToken);
            File.SetLastWriteTimeUtc(local, modified.UtcDateTime);
            downloaded++;
        }

        var root = Path.Combine(folder, FactPaths.Root);
        if (Directory.Exists(root))
        {
            foreach (var stale in Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Where(f => !kept.Contains(Path.GetFullPath(f))))
            {
                File.Delete(stale);
            }
        }

        return (downloaded, kept.Count);
    }
}
