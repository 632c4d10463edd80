using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Quality.Pipeline.Storage;

/// <summary>The blob and table service clients, created once and shared (they are thread-safe): by connection string, or by endpoint and identity.</summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Names = new StorageNames(options.Prefix);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Blobs = new BlobServiceClient(options.ConnectionString);
            Tables = new TableServiceClient(options.ConnectionString);
        }
        else if (options is { BlobServiceUri: { } blobs, TableServiceUri: { } tables, Credential: { } credential })
        {
            Blobs = new BlobServiceClient(blobs, credential);
            Tables = new TableServiceClient(tables, credential);
        }
        else
        {
            throw new InvalidOperationException(
                "No storage: set AzureWebJobsStorage (a connection string, or AzureWebJobsStorage__accountName with __credential=managedidentity "
                + "and __clientId for an identity-based connection) or Storage:ConnectionString; or run the dev host without either to start Azurite.");
        }
    }

    public StorageNames Names { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>Creates every container and table; safe to call again.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Names.Tables.Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)).Append(EnsureContainersCreatedAsync(cancellationToken)));

    /// <summary>
    /// Creates every container, not the tables: what uploading a delivery needs (<c>quality submit</c>; the pipeline
    /// creates its tables when it starts). Creating a table writes its request body by reflection in Azure.Data.Tables,
    /// which the natively compiled command does not have.
    /// </summary>
    public Task EnsureContainersCreatedAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Names.Containers.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
}
