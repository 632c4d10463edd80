using System.Security.Cryptography;
using System.Text;

namespace Quality.Pipeline.Runs;

/// <summary>
/// A run is identified by the blob's name and content, so the same delivery reported twice (or re-uploaded
/// byte for byte) maps to the same run, and a changed blob to a new one.
/// </summary>
public static class RunIds
{
    /// <param name="contentKey">The blob's Content-MD5 when the service has one, otherwise its ETag.</param>
    public static string For(string blobName, string contentKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        ArgumentException.ThrowIfNullOrEmpty(contentKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + contentKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// A manifest whose listed files were not all there when it landed: a run of its own, rejected, so that uploading
    /// the missing files and then the same manifest again starts a fresh run instead of finding this one.
    /// </summary>
    public static string ForIncomplete(string manifestBlob, string contentKey, IEnumerable<string> missingPaths) =>
        For(manifestBlob, contentKey + "\nmissing:" + string.Join('\n', missingPaths));

    /// <summary>True for ids this pipeline makes: 32 lowercase hex digits (user input is checked before any lookup).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
