using System.Collections.Concurrent;
using Quality.Domain.Standards;

namespace Quality.Pipeline.Storage;

/// <summary>
/// Quality standards in the <c>standards</c> container, <c>{pipeline}/{version}.yaml</c>, immutable per version like
/// taxonomies. A pipeline's standard is its highest version; each verdict records the version it applied.
/// </summary>
public sealed class BlobStandardStore(StorageClients storage)
{
    private readonly VersionedDocuments _documents = new(storage.Container(storage.Names.Standards));
    private readonly ConcurrentDictionary<string, QualityStandard> _parsed = new(StringComparer.Ordinal);

    public Task<DocumentPutOutcome> PutAsync(QualityStandard standard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(standard);
        return _documents.PutAsync(standard.Name, standard.Version.ToString(), standard.Yaml, cancellationToken);
    }

    /// <summary>The pipeline's current standard (its highest version), or null when it has none.</summary>
    public async Task<QualityStandard?> CurrentAsync(string pipeline, CancellationToken cancellationToken)
    {
        var versions = await _documents.ListAsync(pipeline, cancellationToken);
        return versions.Count == 0 ? null : await GetAsync(pipeline, versions[^1].Version, cancellationToken);
    }

    public async Task<QualityStandard?> GetAsync(string pipeline, string version, CancellationToken cancellationToken)
    {
        var key = pipeline + "@" + version;
        if (_parsed.TryGetValue(key, out var cached))
        {
            return cached;
        }

        return await _documents.GetAsync(pipeline, version, cancellationToken) is { } yaml
            ? _parsed.GetOrAdd(key, StandardDocument.Parse(yaml, VersionedDocuments.BlobName(pipeline, version)))
            : null;
    }

    /// <summary>The standard a run pinned at ingest, by its <c>pipeline@version</c>.</summary>
    public Task<QualityStandard?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.LastIndexOf('@');
        return at <= 0 ? Task.FromResult<QualityStandard?>(null) : GetAsync(reference[..at], reference[(at + 1)..], cancellationToken);
    }

    /// <summary>Every stored standard as (pipeline, version), by pipeline then version.</summary>
    public async Task<IReadOnlyList<(string Pipeline, string Version)>> ListAsync(CancellationToken cancellationToken) =>
        await _documents.ListAsync(null, cancellationToken);
}
