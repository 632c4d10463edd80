using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Quality.LocalHost.Triggers;

/// <summary>
/// A host's claim on a blob version (<see cref="BlobReceipts"/>). Every write is conditional on the claim's ETag, so a
/// host whose claim was taken over (it was too slow, or thought dead) changes nothing another host holds.
/// </summary>
internal sealed class ReceiptClaim(BlobReceipts receipts, BlobClient receipt, ETag etag)
{
    private ETag _etag = etag;

    /// <summary>Renews the claim every third of <see cref="BlobReceipts.StaleAfter"/> until cancelled or lost.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(BlobReceipts.StaleAfter / 3, receipts.Time, cancellationToken);
                _etag = (await receipt.SetMetadataAsync(receipts.Claim(), new BlobRequestConditions { IfMatch = _etag }, cancellationToken)).Value.ETag;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                return; // taken over: the other host's invocation is the one that counts
            }
        }
    }

    /// <summary>The invocation succeeded: no host invokes this version again.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) =>
        IfStillHeldAsync(() => receipt.SetMetadataAsync(receipts.Done(), new BlobRequestConditions { IfMatch = _etag }, cancellationToken));

    /// <summary>The invocation failed: the version is free for the next scan, here or on another host.</summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) =>
        IfStillHeldAsync(() => receipt.DeleteAsync(conditions: new BlobRequestConditions { IfMatch = _etag }, cancellationToken: cancellationToken));

    private static async Task IfStillHeldAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Taken over meanwhile: leave the receipt to its new holder.
        }
    }
}
