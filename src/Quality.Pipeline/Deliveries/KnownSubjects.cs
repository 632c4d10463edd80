using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// Whether a pipeline or a vendor exists for the API: nothing registers them, so a pipeline is known once it has a
/// delivered batch or a published standard, and a vendor once it has delivered a batch to that pipeline. A route that
/// names one that is not answers 404 rather than an empty chart that looks like a quiet process.
/// </summary>
public sealed class KnownSubjects(TableBatchStore batches, BlobStandardStore standards)
{
    public async Task<bool> PipelineAsync(string pipeline, CancellationToken cancellationToken) =>
        await batches.HasDeliveredAsync(pipeline, null, cancellationToken)
        || await standards.CurrentAsync(pipeline, cancellationToken) is not null;

    public Task<bool> VendorAsync(string pipeline, string vendor, CancellationToken cancellationToken) =>
        batches.HasDeliveredAsync(pipeline, vendor, cancellationToken);
}
