using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Audit;

/// <summary>
/// Audits a whole canonical delivery in one process: the offline path (<c>quality audit</c>) and the reference the
/// sharded pipeline must agree with. Holds every annotation until the end of the file; the pipeline's shards bound
/// that memory instead.
/// </summary>
public static class DeliveryAuditor
{
    public static async Task<(DeliveryHeader Header, BatchMetrics Metrics)> AuditAsync(
        Stream delivery, string file, CancellationToken cancellationToken)
    {
        using var reader = new CanonicalDeliveryReader(delivery, file);
        var header = await reader.ReadHeaderAsync(cancellationToken);
        var audit = await BatchAuditReader.ReadAsync(reader, file, cancellationToken);
        return (header, audit.Metrics());
    }
}
