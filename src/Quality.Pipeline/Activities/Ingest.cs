using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// <c>Ingest</c>: streams the delivery once (a canonical file, or every file a manifest lists, each in its format),
/// validates every annotation, writes them as normalised shards (all annotations of an item in one shard), then moves
/// the run to Running with its shard count, the taxonomy and the standard every shard is held to.
/// Run again (activities are at-least-once), it answers what the first run decided.
/// </summary>
public sealed partial class Ingest(
    BlobDeliveryStore deliveries,
    BlobWorkStore work,
    BlobTaxonomyStore taxonomies,
    BlobStandardStore standards,
    TableRunStore runs,
    RunChanges changes,
    IOptions<PipelineOptions> options,
    ILogger<Ingest> logger)
{
    /// <returns>The run's status after ingest, and how many shards to compute when it is Running.</returns>
    public async Task<Ingested> RunAsync(string runId, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} has no record; it is created when its delivery arrives.");
        if (run.IsTerminal)
        {
            return new Ingested(run.Status, 0);
        }

        if (run.Status == RunStatus.Pending)
        {
            var shards = ShardAssignment.ShardCount(run.BlobSize, options.Value.ShardTargetBytes, options.Value.MaxShards);
            var shardSet = Guid.NewGuid().ToString("N");
            DeliveryHeader header;
            Domain.Taxonomy.Taxonomy? taxonomy;
            IReadOnlyList<DeliveryWarning> warnings;
            try
            {
                (header, taxonomy, warnings) = await WriteShardsAsync(run, shardSet, shards, cancellationToken);
            }
            catch (DeliveryFormatException ex)
            {
                await work.DeleteShardSetAsync(run.Id, shardSet, shards, cancellationToken);
                return Ingested.Of(await changes.RejectAsync(run.Id, ex, cancellationToken));
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412 && ex.ErrorCode is "BlobNotFound" or "ConditionNotMet")
            {
                return Ingested.Of(await OnBlobChangedAsync(run, ex, cancellationToken));
            }

            // The standard is pinned here, so every shard is matched with its IoU rules and the verdict applies the same version.
            var standard = run.Pipeline is null ? null : await standards.CurrentAsync(run.Pipeline, cancellationToken);
            run = await changes.ChangeAsync(run.Id, current => current.Status != RunStatus.Pending ? null : current with
            {
                Standard = standard?.Reference,
                Status = RunStatus.Running,
                ShardCount = shards,
                ShardSet = shardSet,
                Taxonomy = header.Taxonomy.ToString(),
                TaxonomyChecked = taxonomy is not null,
                Fields = header.Fields,
                Reviews = header.Reviews,
                Metadata = header.Metadata.Count > 0 ? header.Metadata : null,
                Warnings = warnings.Count > 0 ? warnings : null,
            }, cancellationToken);
            if (run is { Status: RunStatus.Running, ShardSet: var set } && set == shardSet)
            {
                LogIngested(logger, run.Id, shards);
            }
            else
            {
                // Another attempt moved the run first (activities are at-least-once): its shards are computed, not these.
                await work.DeleteShardSetAsync(runId, shardSet, shards, cancellationToken);
            }
        }

        // Also when another attempt moved the run first: its shards are the ones computed.
        return Ingested.Of(run);
    }

    /// <summary>The taxonomy's attribute and tag levels, overridden by what the delivery's header declares itself.</summary>
    private static Dictionary<string, FieldDeclaration> Declarations(Domain.Taxonomy.Taxonomy taxonomy, DeliveryHeader header)
    {
        var fields = new Dictionary<string, FieldDeclaration>(taxonomy.Fields(), StringComparer.Ordinal);
        foreach (var (name, declaration) in header.Fields)
        {
            fields[name] = declaration;
        }

        return fields;
    }

    /// <summary>
    /// The blob is not the version the run was made for. Re-uploaded byte for byte (same content, new ETag): follow the
    /// ETag and retry. Deleted or changed: this run fails; a changed blob has its own run.
    /// </summary>
    private async Task<Run?> OnBlobChangedAsync(Run run, RequestFailedException ex, CancellationToken cancellationToken)
    {
        var now = await deliveries.GetAsync(run.BlobName, cancellationToken);
        if (now is not null && now.ETag == run.BlobETag)
        {
            // The delivery is the version the run was made for: the failure was not about it. Retry. For a manifest it
            // was one of its files, replaced or deleted while it was read: the retry reads the files as they are then.
            throw new InvalidOperationException(DeliveryLayout.Classify(run.BlobName) == DeliveryLayout.Kind.Manifest
                ? $"A file listed in {run.BlobName} changed or vanished while it was read ({ex.ErrorCode}); ingesting again from the files as they are now."
                : $"Reading {run.BlobName} failed ({ex.ErrorCode}) although it is unchanged; retrying.", ex);
        }

        if (now is not null && now.ContentKey == run.ContentKey)
        {
            await changes.ChangeAsync(run.Id, current => current with { BlobETag = now.ETag }, cancellationToken);
            throw new InvalidOperationException($"{run.BlobName} was re-uploaded unchanged during ingest; retrying.", ex);
        }

        return await changes.FailAsync(run.Id,
            $"{run.BlobName} was deleted or replaced before it was ingested ({ex.ErrorCode}); a replaced blob gets its own run.",
            cancellationToken);
    }

    /// <returns>
    /// The header with the declarations in force (the taxonomy's attribute and tag levels, overridden by the header's
    /// own), which every annotation was held to, the taxonomy when it is registered, and what the readers had to assume.
    /// </returns>
    private async Task<(DeliveryHeader, Domain.Taxonomy.Taxonomy?, IReadOnlyList<DeliveryWarning>)> WriteShardsAsync(Run run, string shardSet, int shards, CancellationToken cancellationToken)
    {
        var (header, next, canonical, close) = await OpenDeliveryAsync(run, cancellationToken);
        using var closing = close;
        var taxonomy = await taxonomies.GetAsync(header.Taxonomy, cancellationToken);
        if (taxonomy is null && options.Value.RequireRegisteredTaxonomy)
        {
            throw new DeliveryFormatException(run.BlobName, DeliveryLayout.Classify(run.BlobName) == DeliveryLayout.Kind.Manifest ? 0 : 1, "taxonomy",
                $"{header.Taxonomy} is not registered, and this pipeline audits only against registered taxonomies; register it (PUT /api/taxonomies/{header.Taxonomy.Name}/{header.Taxonomy.Version}) and deliver again");
        }

        if (taxonomy is not null)
        {
            // Declared values are enforced as the header's are: agreement cannot place a value its field does not have.
            header = header with { Fields = Declarations(taxonomy, header) };
            next = header.Checking(next, run.BlobName);
            canonical?.CheckAlso(header);
        }

        var outputs = new Stream[shards];
        try
        {
            for (var k = 0; k < shards; k++)
            {
                outputs[k] = await work.OpenShardForWriteAsync(run.Id, shardSet, k, cancellationToken);
            }

            var written = canonical is null
                ? await ShardWriter.WriteAsync(next, outputs, cancellationToken)
                : await ShardWriter.WriteAsync(canonical, outputs, cancellationToken);
            if (written == 0)
            {
                throw DeliveryFormatException.NoAnnotations(run.BlobName);
            }
        }
        finally
        {
            // Disposing commits each shard; on a format error the partial shards are harmless and overwritten if retried.
            foreach (var output in outputs.Where(o => o is not null))
            {
                await output.DisposeAsync();
            }
        }

        return (header, taxonomy, close is IReportsWarnings reader ? reader.Warnings : []);
    }

    /// <summary>The delivery's header and its annotations one at a time, whichever layout it has.</summary>
    /// <remarks>
    /// For a canonical file also its reader, whose validated lines the shards take as they are instead of writing each
    /// annotation again; a manifest's files are written from their annotations.
    /// </remarks>
    private async Task<(DeliveryHeader Header, Func<CancellationToken, ValueTask<Annotation?>> Next, CanonicalDeliveryReader? Canonical, IDisposable Close)> OpenDeliveryAsync(
        Run run, CancellationToken cancellationToken)
    {
        if (DeliveryLayout.Classify(run.BlobName) == DeliveryLayout.Kind.Manifest)
        {
            byte[] bytes;
            await using (var stream = await deliveries.OpenReadAsync(run.BlobName, run.BlobETag, cancellationToken))
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }

            var manifest = ManifestParser.Parse(bytes, run.BlobName, DeliveryLayout.ManifestPath(run.BlobName));
            var files = new ManifestDeliveryReader(manifest, new BlobDeliveryFiles(deliveries, run.BlobName), run.BlobName);
            return (manifest.Header, files.ReadAsync, null, files);
        }

        var delivery = await deliveries.OpenReadAsync(run.BlobName, run.BlobETag, cancellationToken);
        var reader = new CanonicalDeliveryReader(delivery, run.BlobName);
        var close = new Closing(reader, delivery);
        try
        {
            return (await reader.ReadHeaderAsync(cancellationToken), reader.ReadAnnotationAsync, reader, close);
        }
        catch
        {
            close.Dispose();
            throw;
        }
    }

    private sealed class Closing(params IDisposable[] resources) : IDisposable
    {
        public void Dispose()
        {
            foreach (var resource in resources)
            {
                resource.Dispose();
            }
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Run {RunId} ingested into {Shards} shards")]
    private static partial void LogIngested(ILogger logger, string runId, int shards);
}
