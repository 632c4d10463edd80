using Azure;
using Microsoft.Extensions.Logging;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Activities;

/// <summary>
/// <c>OnBatchArrived</c>: a blob landed in <c>incoming</c>. Reads its header (a canonical file's first line, or a
/// manifest, whose listed files must all be there) and creates the run, Pending and listed from this moment
/// (idempotent on blob name and content); a bad header rejects the run at once. A file of a multi-file delivery
/// starts nothing: its manifest does. Starting the audit is the caller's: it starts every run this leaves Pending.
/// A delivery rejected before its header was read is listed under the pipeline, vendor and delivery id of its path.
/// </summary>
public sealed partial class BatchArrival(
    BlobDeliveryStore deliveries,
    TableRunStore runs,
    TableBatchStore batches,
    RunChanges changes,
    ILogger<BatchArrival> logger)
{
    /// <summary>The header must fit in this many bytes (it is one short line).</summary>
    private const int HeaderBytes = 64 * 1024;

    /// <returns>The run the blob is, as stored now (whoever created it); null for a blob that starts nothing.</returns>
    public async Task<Arrival?> HandleAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        if (DeliveryLayout.Classify(blobName) == DeliveryLayout.Kind.PartOfMultiFileDelivery)
        {
            LogIgnored(logger, blobName);
            return null;
        }

        var blob = await deliveries.GetAsync(blobName, cancellationToken);
        if (blob is null)
        {
            LogIgnored(logger, blobName);
            return null;
        }

        var (header, error, size, missing) = await ReadHeaderAsync(blob, cancellationToken);
        var runId = missing.Count > 0 ? RunIds.ForIncomplete(blob.Name, blob.ContentKey, missing) : RunIds.For(blob.Name, blob.ContentKey);
        if (await runs.GetAsync(runId, cancellationToken) is { } existing)
        {
            // The same delivery reported again (an Event Grid retry, a restarted watcher): the run is already there.
            return new Arrival(existing.Id, existing.Status);
        }

        var now = changes.Now;
        var named = header is null ? DeliveryLayout.NamesOf(blob.Name) : (header.Pipeline, header.Vendor, header.DeliveryId);
        var run = new Run
        {
            Id = runId,
            BlobName = blob.Name,
            BlobETag = blob.ETag,
            ContentKey = blob.ContentKey,
            BlobSize = size,
            Pipeline = named?.Pipeline,
            Vendor = named?.Vendor,
            DeliveryId = named?.DeliveryId,
            Taxonomy = header?.Taxonomy.ToString(),
            Status = error is null ? RunStatus.Pending : RunStatus.Rejected,
            Reason = error?.Message,
            CreatedTime = now,
            LastUpdatedTime = now,
        };
        if (!await runs.TryCreateAsync(run, changes.Host, cancellationToken))
        {
            var raced = await runs.GetAsync(runId, cancellationToken);
            return raced is null ? null : new Arrival(raced.Id, raced.Status);
        }

        LogCreated(logger, runId, blob.Name, run.Status);
        var created = await runs.GetAsync(runId, cancellationToken) ?? run;
        await batches.ProjectAsync(created, cancellationToken);
        if (error is not null)
        {
            await deliveries.QuarantineAsync(blob.Name, blob.ETag,
                new RejectionReport(runId, blob.Name, error.File, error.Line, error.Field, error.Problem, error.Message, now),
                cancellationToken);
        }

        return new Arrival(created.Id, created.Status);
    }

    /// <summary>The delivery's header or why it has none, its size in bytes (a manifest's with all its files), and the listed files not delivered.</summary>
    private async Task<(DeliveryHeader?, DeliveryFormatException?, long Size, IReadOnlyList<string> Missing)> ReadHeaderAsync(
        DeliveryBlob blob, CancellationToken cancellationToken)
    {
        if (blob.Size == 0)
        {
            return (null, new DeliveryFormatException(blob.Name, 0, null, "is empty; a delivery starts with a header line"), 0, []);
        }

        try
        {
            switch (DeliveryLayout.Classify(blob.Name))
            {
                case DeliveryLayout.Kind.Manifest:
                    return await ReadManifestAsync(blob, cancellationToken);
                case DeliveryLayout.Kind.MisplacedManifest:
                    throw new DeliveryFormatException(blob.Name, 0, null,
                        "a manifest belongs directly in its delivery's folder, {pipeline}/{vendor}/{deliveryId}/manifest.json, with its files beside it");
            }

            var head = await ReadHeadAsync(blob, HeaderBytes, cancellationToken);
            try
            {
                using var reader = new CanonicalDeliveryReader(new MemoryStream(head), blob.Name);
                return (await reader.ReadHeaderAsync(cancellationToken), null, blob.Size, []);
            }
            catch (DeliveryFormatException ex) when (OtherFormat(head) is { } format)
            {
                throw new DeliveryFormatException(blob.Name, 0, "format", DeliverySubmission.NotCanonical(format, "deliver it in a folder with a manifest.json"), ex);
            }
        }
        catch (DeliveryFormatException ex)
        {
            return (null, ex, blob.Size, []);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Replaced while we looked: the new version raises its own event and gets its own run.
            throw new InvalidOperationException($"{blob.Name} changed while its header was read; retrying.", ex);
        }
    }

    /// <summary>
    /// The manifest, once every file it lists has landed (vendors upload the manifest last); the size is the manifest's
    /// and its files', which chooses the shard count. A missing file rejects this arrival naming it (and the first).
    /// </summary>
    private async Task<(DeliveryHeader?, DeliveryFormatException?, long Size, IReadOnlyList<string> Missing)> ReadManifestAsync(
        DeliveryBlob blob, CancellationToken cancellationToken)
    {
        if (blob.Size > ManifestParser.MaxBytes)
        {
            throw new DeliveryFormatException(blob.Name, 0, null, $"is {blob.Size} bytes; a manifest may have at most {ManifestParser.MaxBytes}");
        }

        var manifest = ManifestParser.Parse(await ReadHeadAsync(blob, ManifestParser.MaxBytes, cancellationToken), blob.Name,
            DeliveryLayout.ManifestPath(blob.Name));
        var size = blob.Size;
        var missing = new List<ManifestFile>();
        foreach (var file in manifest.Files)
        {
            if (await deliveries.GetAsync(DeliveryLayout.FileBlob(blob.Name, file.Path), cancellationToken) is { } delivered)
            {
                size += delivered.Size;
            }
            else
            {
                missing.Add(file);
            }
        }

        if (missing.Count == 0)
        {
            return (manifest.Header, null, size, []);
        }

        var first = missing[0];
        return (manifest.Header, new DeliveryFormatException(blob.Name, 0, first.Field("path"),
            $"'{first.Path}' is listed but was not delivered{(missing.Count > 1 ? $" (nor {missing.Count - 1} more)" : "")}; upload a delivery's files first and its manifest last, then upload the manifest again"),
            size, [.. missing.Select(f => f.Path)]);
    }

    private async Task<byte[]> ReadHeadAsync(DeliveryBlob blob, int bytes, CancellationToken cancellationToken)
    {
        await using var head = await deliveries.OpenHeadAsync(blob.Name, blob.ETag, bytes, cancellationToken);
        using var buffer = new MemoryStream();
        await head.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The vendor format a file that is not canonical is in, to say what to do instead.</summary>
    private static AnnotationFormat? OtherFormat(byte[] head)
    {
        var format = AnnotationFormats.All.FirstOrDefault(f => f.Recognises(head));
        return format is null || format.Name == "canonical" ? null : format;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Ignored {BlobName}: it starts no run")]
    private static partial void LogIgnored(ILogger logger, string blobName);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Run {RunId} created for {BlobName}: {Status}")]
    private static partial void LogCreated(ILogger logger, string runId, string blobName, RunStatus status);
}
