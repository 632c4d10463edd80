using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// Lands a delivery in <c>incoming</c> at the name its header implies, <c>{pipeline}/{vendor}/{deliveryId}.jsonl</c>,
/// so <c>POST /api/deliveries</c>, <c>quality submit</c> and a plain upload all start the same path. The header is
/// checked before anything is stored; the rest streams through.
/// </summary>
public sealed class DeliverySubmission(BlobDeliveryStore deliveries)
{
    /// <summary>The header line must end within this many bytes.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    public static string BlobNameFor(DeliveryHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return $"{header.Pipeline}/{header.Vendor}/{header.DeliveryId}.jsonl";
    }

    /// <exception cref="DeliveryFormatException">The header is missing or invalid; nothing was stored.</exception>
    public async Task<SubmittedDelivery> SubmitAsync(Stream content, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[MaxHeaderBytes];
        var length = 0;
        int read;
        while (length < head.Length && (read = await content.ReadAsync(head.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (Array.IndexOf(head, (byte)'\n', 0, length) >= 0)
            {
                break;
            }
        }

        var newline = Array.IndexOf(head, (byte)'\n', 0, length);
        if (newline < 0 && length == head.Length)
        {
            throw new DeliveryFormatException(file, 1, null, $"the header line is longer than {MaxHeaderBytes} bytes");
        }

        DeliveryHeader header;
        using (var reader = new CanonicalDeliveryReader(new MemoryStream(head, 0, newline < 0 ? length : newline + 1), file))
        {
            header = await reader.ReadHeaderAsync(cancellationToken);
        }

        var blobName = BlobNameFor(header);
        var (spooled, md5) = await SpoolAsync(new PrefixedStream(head.AsMemory(0, length), content), cancellationToken);
        await using (spooled)
        {
            var blob = await deliveries.UploadAsync(blobName, spooled, md5, cancellationToken);
            return new SubmittedDelivery(header, blob, RunIds.For(blob.Name, blob.ContentKey));
        }
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
public sealed record SubmittedDelivery(DeliveryHeader Header, DeliveryBlob Blob, string BatchId);
