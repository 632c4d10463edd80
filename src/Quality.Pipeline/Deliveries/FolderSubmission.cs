using System.Security.Cryptography;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// Lands a multi-file delivery as a vendor would: every file in <c>incoming/{pipeline}/{vendor}/{deliveryId}/</c>, then
/// its <c>manifest.json</c> (the one given, or one written for the files) last, since its arrival starts the audit.
/// Nothing delivered is replaced: a delivery id whose manifest differs, or a file of that name with other bytes, is
/// refused; the same files again are the delivery already stored.
/// </summary>
public sealed class FolderSubmission(BlobDeliveryStore deliveries)
{
    /// <param name="manifest">The delivery's own manifest, stored as it is; null writes one from the files' entries.</param>
    /// <exception cref="DeliveryExistsException">The delivery id is taken by other files.</exception>
    public async Task<SubmittedDelivery> SubmitAsync(
        DeliveryHeader header, IReadOnlyList<DeliveredFile> files, byte[]? manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(files);
        manifest ??= ManifestWriter.Write(header, files.Select(f => f.Entry));
        var folder = DeliveryLayout.Folder(header.Pipeline, header.Vendor, header.DeliveryId);
        var manifestBlob = folder + ManifestParser.FileName;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5); // Content-MD5, an integrity check, not security
        hash.AppendData(manifest);
        var md5 = hash.GetHashAndReset();
        if (await deliveries.GetAsync(manifestBlob, cancellationToken) is { } existing && existing.ContentKey != "md5:" + Convert.ToBase64String(md5))
        {
            throw new DeliveryExistsException(manifestBlob);
        }

        var stored = new List<DeliveryBlob>();
        foreach (var file in files)
        {
            await using var content = file.Open();
            stored.Add(await deliveries.UploadAsync(folder + file.Entry.Path, content, file.Md5, cancellationToken));
        }

        using var manifestContent = new MemoryStream(manifest);
        var blob = await deliveries.UploadAsync(manifestBlob, manifestContent, md5, cancellationToken);
        stored.Add(blob);
        return new SubmittedDelivery(header, blob, RunIds.For(blob.Name, blob.ContentKey)) { Files = stored };
    }
}
