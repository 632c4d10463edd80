using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Quality.LocalHost.Triggers;

/// <summary>
/// Which blob versions a blob-triggered function has handled, shared by every dev host on the storage account, as the
/// Functions host keeps blob receipts in <c>azure-webjobs-hosts</c>: a version is claimed by one host (a receipt created
/// only if none exists), kept while its invocation runs, marked done when it succeeds and given back when it fails, each
/// only by the claim's holder; a claim not kept for <see cref="StaleAfter"/> (its host died) is taken over.
/// </summary>
internal sealed class BlobReceipts(BlobContainerClient container, string hostId, TimeProvider time)
{
    /// <summary>A claim not renewed for this long is taken to have died with its host.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private const string StateKey = "state";
    private const string ClaimedKey = "claimed";

    public async Task CreateAsync(CancellationToken cancellationToken) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <returns>
    /// Claimed, with the claim this host now holds; Busy: another host is invoking it; Done: an invocation succeeded.
    /// </returns>
    public async Task<(ReceiptState State, ReceiptClaim? Claim)> ClaimAsync(
        string function, string blobContainer, string blobName, string etag, CancellationToken cancellationToken)
    {
        var receipt = container.GetBlobClient($"blobreceipts/{function}/{etag.Trim('"')}/{blobContainer}/{blobName}");
        try
        {
            var created = await receipt.UploadAsync(BinaryData.Empty, new BlobUploadOptions
            {
                Metadata = Claim(),
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return (ReceiptState.Claimed, new ReceiptClaim(this, receipt, created.Value.ETag));
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await TakeOverIfStaleAsync(receipt, cancellationToken);
        }
    }

    internal Dictionary<string, string> Claim() => new()
    {
        [StateKey] = "processing",
        [ClaimedKey] = time.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["host"] = hostId,
    };

    internal Dictionary<string, string> Done() => new() { [StateKey] = "done", ["host"] = hostId };

    internal TimeProvider Time => time;

    private async Task<(ReceiptState, ReceiptClaim?)> TakeOverIfStaleAsync(BlobClient receipt, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await receipt.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (properties.Metadata.TryGetValue(StateKey, out var state) && state == "done")
            {
                return (ReceiptState.Done, null);
            }

            var claimed = properties.Metadata.TryGetValue(ClaimedKey, out var ticks) && long.TryParse(ticks, out var t)
                ? new DateTimeOffset(t, TimeSpan.Zero)
                : DateTimeOffset.MinValue;
            if (time.GetUtcNow() - claimed < StaleAfter)
            {
                return (ReceiptState.Busy, null);
            }

            // Only one host can replace the stale claim: the write is conditional on the version it read.
            var taken = await receipt.SetMetadataAsync(Claim(), new BlobRequestConditions { IfMatch = properties.ETag }, cancellationToken);
            return (ReceiptState.Claimed, new ReceiptClaim(this, receipt, taken.Value.ETag));
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return (ReceiptState.Busy, null); // released or taken over meanwhile: look again on the next scan
        }
    }
}
