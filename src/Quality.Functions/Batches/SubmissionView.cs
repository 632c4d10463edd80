namespace Quality.Functions.Batches;

/// <summary>The answer to a submitted delivery: the batch it starts and where to follow it.</summary>
internal sealed record SubmissionView(string Id, string BlobName, string Pipeline, string Vendor, string DeliveryId, string BatchUri, string StatusQueryGetUri);
