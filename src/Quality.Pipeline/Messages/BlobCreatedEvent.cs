namespace Quality.Pipeline.Messages;

/// <summary>
/// The Event Grid <c>Microsoft.Storage.BlobCreated</c> event as Event Grid writes it to the <c>batch-arrivals</c>
/// queue in Azure; the local blob watcher enqueues the same shape.
/// </summary>
public sealed record BlobCreatedEvent
{
    public const string BlobCreatedType = "Microsoft.Storage.BlobCreated";

    public required string Id { get; init; }

    public required string EventType { get; init; }

    /// <summary><c>/blobServices/default/containers/{container}/blobs/{name}</c>.</summary>
    public required string Subject { get; init; }

    public DateTimeOffset EventTime { get; init; }

    public BlobCreatedData? Data { get; init; }

    public static string SubjectFor(string container, string blobName) =>
        $"/blobServices/default/containers/{container}/blobs/{blobName}";

    /// <summary>The container and blob name the subject names, or null for another subject.</summary>
    public (string Container, string BlobName)? ParseSubject()
    {
        const string Prefix = "/blobServices/default/containers/";
        if (!Subject.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = Subject[Prefix.Length..];
        var separator = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        return separator <= 0 ? null : (rest[..separator], rest[(separator + "/blobs/".Length)..]);
    }
}

/// <summary>The part of the event's data the pipeline reads; the blob's current properties are fetched anyway.</summary>
public sealed record BlobCreatedData
{
    public string? Url { get; init; }

    public string? ETag { get; init; }

    public long ContentLength { get; init; }

    public string? Api { get; init; }
}
