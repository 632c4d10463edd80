using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The <c>reports</c> container: per batch, documents too large for a table row — <c>{batchId}/agreement.json</c>
/// (the agreement suite), <c>{batchId}/audit.json</c> (gold audit and spatial agreement of boxes and cuboids) and
/// <c>{batchId}/pairs.jsonl</c> (the evidence: every matched pair, miss and extra, assembled by <see cref="BlobPairsStore"/>). Written before the run completes,
/// so a completed batch always has its reports; a redelivered finalize overwrites them with the same bytes.
/// </summary>
public sealed class BlobReportStore(StorageClients storage)
{
    public const string Agreement = "agreement.json";
    public const string Audit = "audit.json";
    public const string Pairs = "pairs.jsonl";

    /// <summary>Where errors concentrate (<see cref="Domain.RootCauses.RootCauseReport"/>), from the pairs' strata.</summary>
    public const string RootCauses = "root-causes.json";

    public const string Violations = "violations.json";

    /// <summary>Frame tags against gold per field and annotator (accuracy, kappa, confusion); only for a batch with gold tags.</summary>
    public const string TagGold = "tags.json";

    /// <summary>The batch's error types with the verdict on each (system, individual, insufficient evidence) and the findings it raised.</summary>
    public const string Findings = "findings.json";

    /// <summary>The verdict under the pipeline's quality standard with every rule's measured value, interval, n and threshold.</summary>
    public const string Verdict = "verdict.json";

    /// <summary>The batch's review sample under its standard's plan: every unit drawn with its stratum and inclusion probability.</summary>
    public const string Sample = "sample.json";

    /// <summary>The decision on a lot from its review, stored with the review delivery and with the batch it reviewed.</summary>
    public const string Disposition = "disposition.json";

    private readonly BlobContainerClient _reports = storage.Container(storage.Names.Reports);

    public static string BlobName(string batchId, string report) => $"{batchId}/{report}";

    public async Task WriteAsync(string batchId, string report, string json, CancellationToken cancellationToken) =>
        await _reports.GetBlobClient(BlobName(batchId, report)).UploadAsync(BinaryData.FromString(json), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
        }, cancellationToken);

    /// <summary>The stored report as text, or null when there is none.</summary>
    public async Task<string?> ReadAsync(string batchId, string report, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _reports.GetBlobClient(BlobName(batchId, report)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
