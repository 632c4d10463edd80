using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Manifest;
using Quality.Pipeline.Deliveries;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Deliveries in <c>incoming</c> (read-only to the pipeline: nothing here modifies or deletes a delivered blob) and
/// rejected copies with their error report in <c>quarantine</c>.
/// </summary>
public sealed class BlobDeliveryStore(StorageClients storage)
{
    private readonly BlobContainerClient _incoming = storage.Container(storage.Names.Incoming);
    private readonly BlobContainerClient _quarantine = storage.Container(storage.Names.Quarantine);

    public string IncomingContainer => _incoming.Name;

    /// <summary>The blob's identity now, or null when it no longer exists.</summary>
    public async Task<DeliveryBlob?> GetAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _incoming.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return ToDeliveryBlob(blobName, properties.Value.ETag, properties.Value.ContentHash, properties.Value.ContentLength);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Opens the exact version a run was created for; 412 when the blob has changed since.</summary>
    public async Task<Stream> OpenReadAsync(string blobName, string etag, CancellationToken cancellationToken) =>
        await _incoming.GetBlobClient(blobName).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false)
        {
            Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) },
        }, cancellationToken);

    /// <summary>The first <paramref name="bytes"/> of the blob: enough to read the header line.</summary>
    public async Task<Stream> OpenHeadAsync(string blobName, string etag, int bytes, CancellationToken cancellationToken)
    {
        var response = await _incoming.GetBlobClient(blobName).DownloadStreamingAsync(new BlobDownloadOptions
        {
            Range = new HttpRange(0, bytes),
            Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) },
        }, cancellationToken);
        return response.Value.Content;
    }

    /// <summary>
    /// Lands a delivery; the same path an upload by any storage client takes. A delivered blob is evidence and is never
    /// replaced: the same bytes again are the delivery already stored, other bytes under the same name are refused.
    /// </summary>
    /// <param name="md5">The content's MD5, stored as its Content-MD5 (the service computes one only for single-shot uploads).</param>
    /// <exception cref="DeliveryExistsException">Another delivery is already stored under the name.</exception>
    public async Task<DeliveryBlob> UploadAsync(string blobName, Stream content, byte[] md5, CancellationToken cancellationToken)
    {
        var blob = _incoming.GetBlobClient(blobName);
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson", ContentHash = md5 },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var existing = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (existing.Value.ContentHash is not { } stored || !stored.AsSpan().SequenceEqual(md5))
            {
                throw new DeliveryExistsException(blobName);
            }
        }

        return await GetAsync(blobName, cancellationToken)
            ?? throw new InvalidOperationException($"The delivery {blobName} disappeared right after its upload.");
    }

    /// <summary>Every delivery blob with its current ETag: what the local watcher compares against what it has seen.</summary>
    public async IAsyncEnumerable<(string Name, string ETag)> ListAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _incoming.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (item.Properties.ETag is { } etag)
            {
                yield return (item.Name, etag.ToString());
            }
        }
    }

    /// <summary>
    /// Copies a rejected delivery to <c>quarantine/{runId}/</c> with its error report; the original stays. A manifest
    /// brings the files it lists (they are the delivery); what could not be copied is named in <c>delivery-missing.txt</c>.
    /// </summary>
    public async Task QuarantineAsync(string blobName, string etag, RejectionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var prefix = report.RunId + "/";
        await _quarantine.GetBlobClient(prefix + "error.json")
            .UploadAsync(BinaryData.FromString(PipelineJson.Serialize(report)), overwrite: true, cancellationToken);
        var missing = new List<string>();
        byte[]? manifest = null;
        try
        {
            await using var original = await OpenReadAsync(blobName, etag, cancellationToken);
            using var copy = new MemoryStream();
            if (Deliveries.DeliveryLayout.Classify(blobName) == Deliveries.DeliveryLayout.Kind.Manifest)
            {
                await original.CopyToAsync(copy, cancellationToken); // at most a MiB, and its list says what else to copy
                manifest = copy.ToArray();
                copy.Position = 0;
            }

            await _quarantine.GetBlobClient(prefix + "delivery/" + blobName).UploadAsync(manifest is null ? original : copy, overwrite: true, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            missing.Add($"{blobName} (ETag {etag}) could not be copied: {ex.ErrorCode}");
        }

        foreach (var file in manifest is null ? [] : ListedFiles(blobName, manifest))
        {
            try
            {
                await using var content = await _incoming.GetBlobClient(file).OpenReadAsync(cancellationToken: cancellationToken);
                await _quarantine.GetBlobClient(prefix + "delivery/" + file).UploadAsync(content, overwrite: true, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                missing.Add($"{file} is listed but was not delivered");
            }
        }

        if (missing.Count > 0)
        {
            // The delivered version is gone or replaced, or a listed file never came; the report says what was wrong.
            await _quarantine.GetBlobClient(prefix + "delivery-missing.txt").UploadAsync(
                BinaryData.FromBytes(Encoding.UTF8.GetBytes(string.Join('\n', missing) + "\n")), overwrite: true, cancellationToken);
        }
    }

    /// <summary>The blobs a manifest lists; none when it does not parse (the report says why, and incoming keeps everything).</summary>
    private static List<string> ListedFiles(string manifestBlob, byte[] manifest)
    {
        try
        {
            return ManifestParser.Parse(manifest, manifestBlob, Deliveries.DeliveryLayout.ManifestPath(manifestBlob)).Files
                .Select(f => Deliveries.DeliveryLayout.FileBlob(manifestBlob, f.Path)).ToList();
        }
        catch (DeliveryFormatException)
        {
            return [];
        }
    }

    private static DeliveryBlob ToDeliveryBlob(string name, ETag etag, byte[]? md5, long size) => new(
        name,
        etag.ToString(),
        md5 is { Length: > 0 } ? "md5:" + Convert.ToBase64String(md5) : "etag:" + etag,
        size);
}

/// <summary>A delivered blob at one version. <see cref="ContentKey"/> is its Content-MD5 when known, else its ETag.</summary>
public sealed record DeliveryBlob(string Name, string ETag, string ContentKey, long Size);
