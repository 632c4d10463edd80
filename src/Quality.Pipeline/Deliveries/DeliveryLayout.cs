using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// What a blob in <c>incoming</c> is, by its name. A single-file delivery is a canonical file,
/// <c>{pipeline}/{vendor}/{deliveryId}.jsonl</c>. A multi-file delivery is a folder,
/// <c>{pipeline}/{vendor}/{deliveryId}/</c>: its <c>manifest.json</c> starts it, and every other blob in the folder is
/// one of its files, which starts nothing by itself (vendors upload the files first and the manifest last).
/// </summary>
public static class DeliveryLayout
{
    public enum Kind
    {
        SingleFile,
        Manifest,
        PartOfMultiFileDelivery,

        /// <summary>A <c>manifest.json</c> anywhere but directly in <c>{pipeline}/{vendor}/{deliveryId}/</c>: rejected, saying where it belongs.</summary>
        MisplacedManifest,
    }

    public static Kind Classify(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var segments = blobName.Split('/');
        return segments.Length switch
        {
            4 when segments[3] == ManifestParser.FileName => Kind.Manifest,
            _ when segments[^1] == ManifestParser.FileName => Kind.MisplacedManifest,
            >= 4 => Kind.PartOfMultiFileDelivery,
            _ => Kind.SingleFile,
        };
    }

    /// <summary>The folder's names, which the manifest may repeat but not contradict.</summary>
    public static (string DeliveryId, string Pipeline, string Vendor) ManifestPath(string manifestBlob)
    {
        var segments = manifestBlob.Split('/');
        return (segments[2], segments[0], segments[1]);
    }

    /// <summary>
    /// The names a blob's path gives when it has the shape of a delivery, <c>{pipeline}/{vendor}/{deliveryId}.{ext}</c> or
    /// <c>{pipeline}/{vendor}/{deliveryId}/…</c>, each a safe name; else null. A delivery whose header cannot be read is
    /// listed under these, so it shows where its vendor looks for it.
    /// </summary>
    public static (string Pipeline, string Vendor, string DeliveryId)? NamesOf(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var segments = blobName.Split('/');
        if (segments.Length < 3)
        {
            return null;
        }

        var deliveryId = segments.Length == 3 && segments[2].LastIndexOf('.') is var dot and > 0 ? segments[2][..dot] : segments[2];
        return CanonicalFormat.IsSafeName(segments[0]) && CanonicalFormat.IsSafeName(segments[1]) && CanonicalFormat.IsSafeName(deliveryId)
            ? (segments[0], segments[1], deliveryId)
            : null;
    }

    /// <summary>The folder of a multi-file delivery, ending in '/'.</summary>
    public static string Folder(string pipeline, string vendor, string deliveryId) => $"{pipeline}/{vendor}/{deliveryId}/";

    /// <summary>The blob of a file a manifest lists.</summary>
    public static string FileBlob(string manifestBlob, string path) => manifestBlob[..(manifestBlob.LastIndexOf('/') + 1)] + path;
}
