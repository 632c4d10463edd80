using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Quality.Domain.Taxonomy;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Immutable versioned YAML documents in a container, <c>{name}/{version}.yaml</c>: taxonomies and quality standards.
/// A version once stored never changes (batches name the version their figures were computed under); storing the same
/// text again is a no-op, a different text under a stored version is a conflict.
/// </summary>
internal sealed class VersionedDocuments(BlobContainerClient container)
{
    public static string BlobName(string name, string version) => $"{name}/{version}.yaml";

    public async Task<string?> GetAsync(string name, string version, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(BlobName(name, version)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every stored (name, version), by name then semantic version; optionally of one name.</summary>
    public async Task<IReadOnlyList<(string Name, string Version)>> ListAsync(string? name, CancellationToken cancellationToken)
    {
        var found = new List<(string Name, string Version)>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, name is null ? null : name + "/", cancellationToken))
        {
            var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && blob.Name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                found.Add((blob.Name[..slash], blob.Name[(slash + 1)..^".yaml".Length]));
            }
        }

        return [.. found.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => SemanticVersion.TryParse(r.Version, out var v) ? v : default)];
    }

    public async Task<DocumentPutOutcome> PutAsync(string name, string version, string yaml, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(BlobName(name, version)).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(yaml)), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/yaml" },
            }, cancellationToken);
            return DocumentPutOutcome.Created;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return await GetAsync(name, version, cancellationToken) == yaml ? DocumentPutOutcome.Unchanged : DocumentPutOutcome.Conflict;
        }
    }
}
