using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Audit;

/// <summary>
/// Audits a whole canonical delivery in one pass, in one process: the offline path (<c>quality audit</c>) and the
/// reference the sharded pipeline must agree with. Holds the annotations of every item until the end of the file,
/// because a delivery need not be sorted by item; the pipeline's shards bound that memory instead.
/// </summary>
public static class DeliveryAuditor
{
    public static async Task<(DeliveryHeader Header, BatchMetrics Metrics)> AuditAsync(
        Stream delivery, string file, CancellationToken cancellationToken)
    {
        using var reader = new CanonicalDeliveryReader(delivery, file);
        var header = await reader.ReadHeaderAsync(cancellationToken);
        var byItem = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        while (await reader.ReadAnnotationAsync(cancellationToken) is { } annotation)
        {
            if (!byItem.TryGetValue(annotation.Item, out var annotations))
            {
                annotations = [];
                byItem[annotation.Item] = annotations;
            }

            annotations.Add(annotation);
        }

        var audit = new BatchAudit();
        foreach (var annotations in byItem.Values)
        {
            audit.AddItem(file, annotations);
        }

        return (header, audit.Metrics());
    }
}
