using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Quality.LocalHost.Triggers;

/// <summary>
/// Which blob versions a blob-triggered function has handled, shared by every dev host on the storage account, as the
/// Functions host keeps blob receipts in <c>azure-webjobs-hosts</c>: a version is claimed by one host (a receipt created
/// only if none exists), marked done when its invocation succeeds, released when it fails so it is tried again, and
/// taken over when its claimant stopped without either (a claim older than <see cref="StaleAfter"/>).
/// </summary>
internal sealed class BlobReceipts(BlobContainerClient container, string hostId, TimeProvider time)
{
    /// <summary>An invocation that has not finished in this long is taken to have died with its process.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private const string StateKey = "state";
    private const string ClaimedKey = "claimed";

    public async Task CreateAsync(CancellationToken cancellationToken) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <returns>Done: another invocation handled this version. Claimed: this host invokes it now. Busy: another host is invoking it.</returns>
    public async Task<ReceiptState> ClaimAsync(string function, string blobContainer, string blobName, string etag, CancellationToken cancellationToken)
    {
        var receipt = container.GetBlobClient(Name(function, blobContainer, blobName, etag));
        try
        {
            await receipt.UploadAsync(BinaryData.Empty, new BlobUploadOptions
            {
                Metadata = Claim(),
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return ReceiptState.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await TakeOverIfStaleAsync(receipt, cancellationToken);
        }
    }

    public async Task CompleteAsync(string function, string blobContainer, string blobName, string etag, CancellationToken cancellationToken) =>
        await container.GetBlobClient(Name(function, blobContainer, blobName, etag))
            .SetMetadataAsync(new Dictionary<string, string> { [StateKey] = "done", ["host"] = hostId }, cancellationToken: cancellationToken);

    /// <summary>Gives the version back after a failed invocation: the next scan, here or elsewhere, tries it again.</summary>
    public async Task ReleaseAsync(string function, string blobContainer, string blobName, string etag, CancellationToken cancellationToken) =>
        await container.GetBlobClient(Name(function, blobContainer, blobName, etag)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private async Task<ReceiptState> TakeOverIfStaleAsync(BlobClient receipt, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await receipt.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (properties.Metadata.TryGetValue(StateKey, out var state) && state == "done")
            {
                return ReceiptState.Done;
            }

            var claimed = properties.Metadata.TryGetValue(ClaimedKey, out var ticks) && long.TryParse(ticks, out var t)
                ? new DateTimeOffset(t, TimeSpan.Zero)
                : DateTimeOffset.MinValue;
            if (time.GetUtcNow() - claimed < StaleAfter)
            {
                return ReceiptState.Busy;
            }

            // Only one host can replace the stale claim: the write is conditional on the version it read.
            await receipt.SetMetadataAsync(Claim(), new BlobRequestConditions { IfMatch = properties.ETag }, cancellationToken);
            return ReceiptState.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return ReceiptState.Busy; // released or taken over meanwhile: look again on the next scan
        }
    }

    private Dictionary<string, string> Claim() => new()
    {
        [StateKey] = "processing",
        [ClaimedKey] = time.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["host"] = hostId,
    };

    private static string Name(string function, string blobContainer, string blobName, string etag) =>
        $"blobreceipts/{function}/{etag.Trim('"')}/{blobContainer}/{blobName}";
}
