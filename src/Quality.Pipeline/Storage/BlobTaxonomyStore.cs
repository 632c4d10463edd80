using System.Collections.Concurrent;
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
    private readonly VersionedDocuments _documents = new(storage.Container(storage.Names.Taxonomies));
    private readonly ConcurrentDictionary<string, Taxonomy> _parsed = new(StringComparer.Ordinal);

    public static string BlobName(string name, string version) => VersionedDocuments.BlobName(name, version);

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
    public Task<string?> GetDocumentAsync(string name, string version, CancellationToken cancellationToken) =>
        _documents.GetAsync(name, version, cancellationToken);

    public async Task<IReadOnlyList<TaxonomyReference>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _documents.ListAsync(null, cancellationToken)).Select(d => new TaxonomyReference(d.Name, d.Version))];

    public Task<DocumentPutOutcome> PutAsync(Taxonomy taxonomy, string yaml, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return _documents.PutAsync(taxonomy.Name, taxonomy.Version.ToString(), yaml, cancellationToken);
    }
}
