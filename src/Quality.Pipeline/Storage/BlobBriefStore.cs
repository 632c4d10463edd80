using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Quality.Domain.Audit;
using Quality.Pipeline.Rollups;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Daily briefs in the <c>reports</c> container, <c>daily/{yyyy-MM-dd}/brief.json</c>: one document per computed day,
/// replaced whole when the day is computed again. Its presence is what makes a day computed.
/// </summary>
public sealed class BlobBriefStore(StorageClients storage)
{
    private readonly BlobContainerClient _reports = storage.Container(storage.Names.Reports);

    public static string BlobName(string date) => $"daily/{date}/brief.json";

    public async Task WriteAsync(DailyBrief brief, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brief);
        await _reports.GetBlobClient(BlobName(brief.Date)).UploadAsync(BinaryData.FromString(ReportJson.Serialize(brief)), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        }, cancellationToken);
    }

    /// <summary>The day's brief, or null when the day has not been computed as a brief.</summary>
    public async Task<DailyBrief?> ReadAsync(string date, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _reports.GetBlobClient(BlobName(date)).DownloadContentAsync(cancellationToken);
            return ReportJson.Deserialize<DailyBrief>(content.Value.Content.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
