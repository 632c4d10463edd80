using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// Short-lived upload URLs into <c>incoming</c>, so a tool delivers a file of any size straight to blob storage and the
/// blob trigger starts its audit as for any upload. Each URL is a SAS for one blob with the create permission only:
/// it writes a blob that does not exist yet and cannot overwrite, read, list or delete — a delivered blob is evidence
/// and never changes. In Azure, where the app holds no account key, it is a user-delegation SAS signed with a key the
/// app's identity obtains; on Azurite (or an account reached by key) it is signed with the account key.
/// </summary>
public sealed class DeliveryUploads(StorageClients storage, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(2);

    /// <summary>Clock skew between this app and storage: a URL is valid from a little before it is issued.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <param name="blobNames">The blobs in <c>incoming</c> the caller may create, each once.</param>
    /// <exception cref="DeliveryExistsException">One of them is already delivered.</exception>
    public async Task<UploadGrant> GrantAsync(IReadOnlyList<string> blobNames, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobNames);
        var container = storage.Container(storage.Names.Incoming);
        foreach (var name in blobNames)
        {
            if (await container.GetBlobClient(name).ExistsAsync(cancellationToken))
            {
                throw new DeliveryExistsException(name);
            }
        }

        var now = clock.GetUtcNow();
        var expires = now + lifetime;
        var sign = await SignerAsync(container, now - Skew, expires, cancellationToken);
        var urls = blobNames.Select(name =>
        {
            var sas = new BlobSasBuilder(BlobSasPermissions.Create, expires)
            {
                BlobContainerName = container.Name,
                BlobName = name,
                Resource = "b",
                StartsOn = now - Skew,
                Protocol = container.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            };
            return new UploadUrl(name, sign.Url(container.GetBlobClient(name), sas));
        }).ToList();
        return new UploadGrant(urls, expires, sign.Kind);
    }

    private async Task<Signer> SignerAsync(BlobContainerClient container, DateTimeOffset startsOn, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        if (container.CanGenerateSasUri)
        {
            return new Signer(UploadGrant.AccountKey, (blob, sas) => blob.GenerateSasUri(sas));
        }

        var key = (await storage.Blobs.GetUserDelegationKeyAsync(startsOn, expiresOn, cancellationToken)).Value;
        var account = storage.Blobs.AccountName;
        return new Signer(UploadGrant.UserDelegation, (blob, sas) => new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, account) }.ToUri());
    }

    private sealed record Signer(string Kind, Func<BlobClient, BlobSasBuilder, Uri> Url);
}

/// <summary>Where to upload each blob, until when, and how the URLs are signed.</summary>
public sealed record UploadGrant(IReadOnlyList<UploadUrl> Urls, DateTimeOffset ExpiresOn, string Signature)
{
    public const string AccountKey = "account-key";
    public const string UserDelegation = "user-delegation";
}

/// <summary>One blob's name in <c>incoming</c> and the URL that creates it (a secret until it expires: never logged).</summary>
public sealed record UploadUrl(string BlobName, Uri Url);
