using Quality.Domain.Annotations;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// Lands one delivered file in <c>incoming</c>, so <c>POST /api/deliveries</c>, <c>quality submit</c> and a plain upload
/// all start the same path. A canonical file goes to the name its header implies, <c>{pipeline}/{vendor}/{deliveryId}.jsonl</c>,
/// its header checked before anything is stored. A file in a vendor format (Label Studio, COCO, nuScenes, CSV) goes in
/// as it is, with the names given (<see cref="DeliveryNames"/>), as a multi-file delivery of that one file and a
/// generated manifest (<see cref="FolderSubmission"/>). The content streams through a temporary file, never memory.
/// </summary>
public sealed class DeliverySubmission(BlobDeliveryStore deliveries, FolderSubmission folders)
{
    /// <summary>The header line must end within this many bytes.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    public static string BlobNameFor(DeliveryHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return $"{header.Pipeline}/{header.Vendor}/{header.DeliveryId}.jsonl";
    }

    /// <summary>What a file in a vendor format is, when a canonical delivery was expected, and how to deliver it: one sentence.</summary>
    /// <param name="orElse">The other way, for where it was delivered (e.g. "deliver it in a folder with a manifest.json").</param>
    public static string NotCanonical(AnnotationFormat format, string orElse)
    {
        ArgumentNullException.ThrowIfNull(format);
        return $"looks like {format.Description} ({format.Name}), not a canonical delivery; post it as it is to POST /api/deliveries with pipeline, vendor and deliveryId "
            + $"in the query (or quality submit FILE --pipeline --vendor --delivery-id), which writes its manifest, or {orElse} (docs/formats/manifest.md)";
    }

    /// <param name="file">The file's name: errors name it, and a vendor file keeps it in its folder when it is a safe name.</param>
    /// <param name="names">Where a vendor file goes and what it cannot say; null when only a canonical file is expected.</param>
    /// <exception cref="DeliveryFormatException">The file cannot be delivered as it is (header invalid, no names for a vendor file, an archive); nothing was stored.</exception>
    /// <exception cref="DeliveryExistsException">Other content is already delivered under that name.</exception>
    public async Task<SubmittedDelivery> SubmitAsync(Stream content, string file, DeliveryNames? names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(file);
        var (head, length) = await ReadHeadAsync(content, cancellationToken);
        var format = Detect(head.AsSpan(0, length), file);
        if (format.Name != "canonical")
        {
            var header = VendorHeader(format, file, names ?? throw new DeliveryFormatException(file, 0, "format", NotCanonical(format, "deliver it in a folder with a manifest.json")));
            var (spooled, md5) = await SpoolAsync(new PrefixedStream(head.AsMemory(0, length), content), cancellationToken);
            await using (spooled)
            {
                var entry = new ManifestFile(0, FileName(file, format), format.Name, names.Annotator, names.Role, format.Name == "csv-wide" ? names.Field : null);
                return await folders.SubmitAsync(header, [new DeliveredFile(entry, () => Reopen(spooled), md5)], null, cancellationToken);
            }
        }

        var newline = Array.IndexOf(head, (byte)'\n', 0, length);
        if (newline < 0 && length == head.Length)
        {
            throw new DeliveryFormatException(file, 1, null, $"the header line is longer than {MaxHeaderBytes} bytes");
        }

        DeliveryHeader canonical;
        using (var reader = new CanonicalDeliveryReader(new MemoryStream(head, 0, newline < 0 ? length : newline + 1), file))
        {
            canonical = await reader.ReadHeaderAsync(cancellationToken);
        }

        CheckNames(canonical, names, file);
        var blobName = BlobNameFor(canonical);
        var (canonicalSpool, canonicalMd5) = await SpoolAsync(new PrefixedStream(head.AsMemory(0, length), content), cancellationToken);
        await using (canonicalSpool)
        {
            var blob = await deliveries.UploadAsync(blobName, canonicalSpool, canonicalMd5, cancellationToken);
            return new SubmittedDelivery(canonical, blob, RunIds.For(blob.Name, blob.ContentKey)) { Files = [blob] };
        }
    }

    /// <summary>The file's format from its first bytes: canonical when nothing else is recognised (its reader then says what a delivery starts with).</summary>
    private static AnnotationFormat Detect(ReadOnlySpan<byte> head, string file)
    {
        if (FileSignatures.Problem(head) is { } problem)
        {
            throw new DeliveryFormatException(file, 0, null, problem);
        }

        foreach (var format in AnnotationFormats.All)
        {
            if (format.Recognises(head))
            {
                return format;
            }
        }

        return AnnotationFormats.Find("canonical")!;
    }

    /// <summary>A manifest's header for a vendor file: the names given, the data types its format can hold.</summary>
    private static DeliveryHeader VendorHeader(AnnotationFormat format, string file, DeliveryNames names)
    {
        if (!format.NamesAnnotators && names.Annotator is null && names.Role != AnnotatorRole.Gold)
        {
            throw new DeliveryFormatException(file, 0, "annotator",
                $"{format.Description} does not say who annotated it; give its annotator (or role gold) with the names");
        }

        return new DeliveryHeader(names.DeliveryId, names.Pipeline, names.Vendor, names.Taxonomy, format.DataTypes) { Fields = names.Fields };
    }

    /// <summary>Names given with a canonical file must be the ones its header states.</summary>
    private static void CheckNames(DeliveryHeader header, DeliveryNames? names, string file)
    {
        if (names is null)
        {
            return;
        }

        foreach (var (field, stated, given) in new[] { ("pipeline", header.Pipeline, names.Pipeline), ("vendor", header.Vendor, names.Vendor), ("deliveryId", header.DeliveryId, names.DeliveryId) })
        {
            if (stated != given)
            {
                throw new DeliveryFormatException(file, 1, field, $"is '{stated}' in the header but '{given}' was given; a canonical delivery is stored under its header's names, so give those or none");
            }
        }
    }

    /// <summary>The file's own name when it is a safe one (the vendor's tool named it), else one after its format.</summary>
    private static string FileName(string file, AnnotationFormat format)
    {
        var name = Path.GetFileName(file);
        return CanonicalFormat.IsSafeName(name) && name != ManifestParser.FileName ? name : format.Name + format.Extension;
    }

    private static async Task<(byte[] Head, int Length)> ReadHeadAsync(Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[MaxHeaderBytes];
        var length = 0;
        int read;
        while (length < head.Length && (read = await content.ReadAsync(head.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return (head, length);
    }

    /// <summary>The spooled file from its start (disposing it, as the folder's upload does, deletes it).</summary>
    private static FileStream Reopen(FileStream spooled)
    {
        spooled.Position = 0;
        return spooled;
    }

    /// <summary>
    /// Copies the upload to a temporary file while hashing it, so the blob is stored with its Content-MD5 whatever its
    /// size: the run id rests on it, and the same bytes submitted twice are then one batch. Disk, not memory.
    /// </summary>
    private static async Task<(FileStream File, byte[] Md5)> SpoolAsync(Stream source, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var md5 = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.MD5);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        file.Position = 0;
        return (file, md5.GetHashAndReset());
    }
}

/// <summary>A delivery as stored, and the id of the run (and batch) it starts.</summary>
/// <param name="Blob">The blob whose arrival starts the run: the canonical file, or the manifest.</param>
public sealed record SubmittedDelivery(DeliveryHeader Header, DeliveryBlob Blob, string BatchId)
{
    /// <summary>Every blob stored, in upload order (a manifest last).</summary>
    public IReadOnlyList<DeliveryBlob> Files { get; init; } = [];
}
