using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The three service clients, created once and shared (they are thread-safe). Queue clients encode messages as
/// base64 because that is what the Functions queue trigger expects by default.
/// </summary>
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
        Queues = new QueueServiceClient(options.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        Tables = new TableServiceClient(options.ConnectionString);
    }

    public StorageNames Names { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    public QueueClient Queue(string name) => Queues.GetQueueClient(name);

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>Creates every container, queue (with its poison queue) and table; safe to call again.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        work.AddRange(Names.Containers.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(Names.Queues.SelectMany(q => new[] { q, StorageNames.PoisonQueue(q) })
            .Select(q => Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(Names.Tables.Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(work);
    }
}
