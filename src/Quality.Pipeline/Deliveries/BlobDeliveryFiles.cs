using Quality.Domain.Formats.Manifest;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Deliveries;

/// <summary>The files of a multi-file delivery: the blobs beside its manifest, each read at the version it has when opened.</summary>
public sealed class BlobDeliveryFiles(BlobDeliveryStore deliveries, string manifestBlob) : IDeliveryFiles
{
    public async Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var blob = await deliveries.GetAsync(DeliveryLayout.FileBlob(manifestBlob, path), cancellationToken);
        return blob is null ? null : await deliveries.OpenReadAsync(blob.Name, blob.ETag, cancellationToken);
    }
}
