namespace Quality.Functions.Batches;

/// <summary>
/// The body of <c>POST /api/deliveries/uploads</c>: the delivery's names and, for a multi-file delivery, its files
/// (paths inside the delivery's folder, <c>manifest.json</c> among them); the URLs' lifetime in minutes.
/// </summary>
internal sealed record UploadRequest(string? Pipeline, string? Vendor, string? DeliveryId, IReadOnlyList<string>? Files, int? ExpiresInMinutes);
