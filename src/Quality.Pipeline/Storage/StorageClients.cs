using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Quality.Pipeline.Storage;

/// <summary>The blob and table service clients, created once and shared (they are thread-safe).</summary>
public sealed class StorageClients
{
    public StorageClients(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException(
                "No storage connection string: set Storage:ConnectionString (or AzureWebJobsStorage), or run locally without one to start Azurite.");
        }

        Names = new StorageNames(options.Prefix);
        Blobs = new BlobServiceClient(options.ConnectionString);
        Tables = new TableServiceClient(options.ConnectionString);
    }

    public StorageNames Names { get; }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>Creates every container and table; safe to call again.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(Names.Containers.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(Names.Tables.Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(work);
    }
}
