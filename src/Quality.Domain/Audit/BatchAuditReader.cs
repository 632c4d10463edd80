using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Audit;

/// <summary>
/// Audits the annotations a reader yields: groups them by item (a file need not be sorted by item) and adds each
/// item whole. Memory is that of the annotations read — a shard in the pipeline, the whole file offline; items given
/// whole (a manifest's files merged) are audited a batch at a time.
/// </summary>
public static class BatchAuditReader
{
    /// <param name="file">The delivered file's name, for errors about the annotations.</param>
    /// <param name="into">The audit to add to (its spatial options and evidence sink); a new default one when null.</param>
    public static Task<BatchAudit> ReadAsync(CanonicalDeliveryReader reader, string file, CancellationToken cancellationToken, BatchAudit? into = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadAsync(reader.ReadAnnotationAsync, file, cancellationToken, into);
    }

    /// <param name="next">The next annotation of any reader, null at the end.</param>
    /// <param name="file">The delivered file's name, for errors about the annotations.</param>
    /// <param name="into">The audit to add to (its spatial options and evidence sink); a new default one when null.</param>
    public static async Task<BatchAudit> ReadAsync(
        Func<CancellationToken, ValueTask<Annotation?>> next, string file, CancellationToken cancellationToken, BatchAudit? into = null)
    {
        ArgumentNullException.ThrowIfNull(next);
        var byItem = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        while (await next(cancellationToken) is { } annotation)
        {
            if (!byItem.TryGetValue(annotation.Item, out var annotations))
            {
                annotations = [];
                byItem[annotation.Item] = annotations;
            }

            annotations.Add(annotation);
        }

        var audit = into ?? new BatchAudit();
        audit.AddItems(file, [.. byItem.Values]);
        return audit;
    }

    /// <summary>
    /// Audits items given whole (<see cref="Formats.Manifest.ManifestDeliveryReader.ReadItemsAsync"/>), a batch of about
    /// <see cref="BatchAnnotations"/> annotations at a time, each batch on every core (<see cref="BatchAudit.AddItems"/>):
    /// the same audit as all the items at once, holding two batches. A batch is audited on the thread pool while the
    /// next is read, so the files' parsing and merging go on beside the audit instead of waiting for it; batches are
    /// audited one at a time, in order.
    /// </summary>
    /// <param name="file">The delivered file's name, for errors about the annotations.</param>
    /// <remarks>
    /// An error of either side ends both: the batch being audited is finished (or fails) before the error is raised, so
    /// nothing touches <paramref name="into"/> or its sinks after this returns.
    /// </remarks>
    public static Task AddItemsAsync(IAsyncEnumerable<IReadOnlyList<Annotation>> items, string file, BatchAudit into, CancellationToken cancellationToken) =>
        AddItemsAsync(items, file, into, BatchAnnotations, cancellationToken);

    /// <summary><see cref="AddItemsAsync(IAsyncEnumerable{IReadOnlyList{Annotation}}, string, BatchAudit, CancellationToken)"/> in batches of about <paramref name="batchAnnotations"/> annotations.</summary>
    internal static async Task AddItemsAsync(
        IAsyncEnumerable<IReadOnlyList<Annotation>> items, string file, BatchAudit into, int batchAnnotations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(into);
        var (batch, annotations) = (new List<IReadOnlyList<Annotation>>(), 0);
        var auditing = Task.CompletedTask;
        try
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                batch.Add(item);
                annotations += item.Count;
                if (annotations >= batchAnnotations)
                {
                    await auditing;
                    var full = batch;
                    auditing = Task.Run(() => into.AddItems(file, full), cancellationToken);
                    (batch, annotations) = (new List<IReadOnlyList<Annotation>>(), 0);
                }
            }

            await auditing;
            into.AddItems(file, batch);
        }
        finally
        {
            await auditing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Annotations audited at a time, 2,048 per core: enough items for every core's runs, few enough to hold. On two
    /// cores a batch (~25 frames of 160 boxes) is one run, audited on one core while the files are parsed on the other;
    /// batches of 16,384 (eight runs) kept four times the annotations alive and merged eight audits a batch, for a
    /// 1,000-frame gold audit 1.05 -> 0.93 s and 1.68 -> 1.51 CPU-s (docs/performance.md, twelfth round).
    /// </summary>
    internal static readonly int BatchAnnotations = 2_048 * Environment.ProcessorCount;
}
