namespace Quality.Functions.Batches;

/// <summary>The answer to a submitted delivery: the batch it starts and where to follow it.</summary>
/// <param name="BlobName">The blob whose arrival starts the audit: the canonical file, or the generated manifest.json.</param>
/// <param name="Files">Every blob stored in incoming, in upload order (a manifest last).</param>
internal sealed record SubmissionView(
    string Id, string BlobName, string Pipeline, string Vendor, string DeliveryId, string BatchUri, string StatusQueryGetUri, IReadOnlyList<string> Files);
