namespace Quality.Functions.Batches;

/// <summary>
/// Where to put a delivery: one URL per blob, each written once with <c>PUT</c> and the header
/// <c>x-ms-blob-type: BlockBlob</c> (or any Azure Storage client given the URL), until <see cref="ExpiresAt"/>.
/// </summary>
internal sealed record UploadView(
    string Pipeline,
    string Vendor,
    string DeliveryId,
    IReadOnlyList<UploadTargetView> Uploads,
    DateTimeOffset ExpiresAt,
    string Signature,
    string Next,
    string Batches);

/// <summary>One blob in <c>incoming</c> and its upload URL.</summary>
internal sealed record UploadTargetView(string BlobName, Uri Url);
