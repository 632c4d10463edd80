using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>reports</c> container: per batch, documents too large for a table row, e.g. <c>{batchId}/agreement.json</c>
/// (the whole agreement suite). Written before the run completes, so a completed batch always has its reports.
/// </summary>
public sealed class BlobReportStore(StorageClients storage)
{
    private readonly BlobContainerClient _reports = storage.Container(storage.Names.Reports);

    public static string AgreementBlob(string batchId) => $"{batchId}/agreement.json";

    /// <summary>Overwrites: a redelivered finalize writes the same document again.</summary>
    public async Task WriteAgreementAsync(string batchId, string json, CancellationToken cancellationToken) =>
        await _reports.GetBlobClient(AgreementBlob(batchId)).UploadAsync(BinaryData.FromString(json), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        }, cancellationToken);

    /// <summary>The stored agreement report, or null when there is none.</summary>
    public async Task<string?> ReadAgreementAsync(string batchId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _reports.GetBlobClient(AgreementBlob(batchId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
