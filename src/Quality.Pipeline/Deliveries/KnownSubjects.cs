using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Deliveries;

/// <summary>
/// Whether a pipeline or a vendor exists for the API: nothing registers them, so a pipeline is known once it has a
/// delivered batch or a published standard, and a vendor once it has delivered a batch to that pipeline. A route that
/// names one that is not answers 404 rather than an empty chart that looks like a quiet process.
/// </summary>
public sealed class KnownSubjects(TableBatchStore batches, BlobStandardStore standards)
{
    /// <summary>
    /// One check of a pipeline and, when given, a vendor of it: a vendor that has delivered proves both with one query;
    /// only otherwise is the pipeline looked up, its batches first and its standard last.
    /// </summary>
    public async Task<Subject> CheckAsync(string pipeline, string? vendor, CancellationToken cancellationToken)
    {
        if (vendor is not null && await batches.HasDeliveredAsync(pipeline, vendor, cancellationToken))
        {
            return Subject.Known;
        }

        if (!await batches.HasDeliveredAsync(pipeline, null, cancellationToken) && await standards.CurrentAsync(pipeline, cancellationToken) is null)
        {
            return Subject.UnknownPipeline;
        }

        return vendor is null ? Subject.Known : Subject.UnknownVendor;
    }
}

/// <summary>What <see cref="KnownSubjects.CheckAsync"/> found.</summary>
public enum Subject
{
    Known,
    UnknownPipeline,
    UnknownVendor,
}
