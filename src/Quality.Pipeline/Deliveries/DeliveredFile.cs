using Quality.Domain.Formats.Manifest;

namespace Quality.Pipeline.Deliveries;

/// <summary>One file of a multi-file delivery about to be stored: its manifest entry, and its bytes with their MD5.</summary>
/// <param name="Open">Opens the bytes from their start (a file on disk, or an upload spooled to one).</param>
public sealed record DeliveredFile(ManifestFile Entry, Func<Stream> Open, byte[] Md5);
