using System.Collections.Concurrent;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Taxonomy;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Registered taxonomies in the <c>taxonomies</c> container, one YAML document per version at
/// <c>{name}/{version}.yaml</c>. A version is immutable once stored: deliveries and metrics name it, so changing it
/// would silently change what their figures meant. Parsed documents are cached for the same reason.
/// </summary>
public sealed class BlobTaxonomyStore(StorageClients storage)
{
    private readonly BlobContainerClient _container = storage.Container(storage.Names.Taxonomies);
    private readonly ConcurrentDictionary<string, Taxonomy> _parsed = new(StringComparer.Ordinal);

    public static string BlobName(string name, string version) => $"{name}/{version}.yaml";

    /// <summary>The taxonomy, or null when that version is not registered.</summary>
    public async Task<Taxonomy?> GetAsync(TaxonomyReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var key = reference.ToString();
        if (_parsed.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (await GetDocumentAsync(reference.Name, reference.Version, cancellationToken) is not { } yaml)
        {
            return null;
        }

        return _parsed.GetOrAdd(key, TaxonomyDocument.Parse(yaml, BlobName(reference.Name, reference.Version)));
    }

    /// <summary>The stored YAML, or null.</summary>
    public async Task<string?> GetDocumentAsync(string name, string version, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName(name, version)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every registered version, by name then version order.</summary>
    public async Task<IReadOnlyList<TaxonomyReference>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new List<TaxonomyReference>();
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken))
        {
            var slash = blob.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && blob.Name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                found.Add(new TaxonomyReference(blob.Name[..slash], blob.Name[(slash + 1)..^".yaml".Length]));
            }
        }

        return [.. found.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => SemanticVersion.TryParse(r.Version, out var v) ? v : default)];
    }

    /// <summary>
    /// Registers a parsed, validated version. Storing the same document again is a no-op; a different document under a
    /// stored version is refused (<see cref="TaxonomyPutOutcome.Conflict"/>): publish a new version instead.
    /// </summary>
    public async Task<TaxonomyPutOutcome> PutAsync(Taxonomy taxonomy, string yaml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var name = BlobName(taxonomy.Name, taxonomy.Version.ToString());
        try
        {
            await _container.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(yaml)), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/yaml" },
            }, cancellationToken);
            return TaxonomyPutOutcome.Created;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            var stored = await GetDocumentAsync(taxonomy.Name, taxonomy.Version.ToString(), cancellationToken);
            return stored == yaml ? TaxonomyPutOutcome.Unchanged : TaxonomyPutOutcome.Conflict;
        }
    }
}

public enum TaxonomyPutOutcome
{
    Created,
    Unchanged,
    Conflict,
}
