using Quality.Domain.Findings;
using Quality.Domain.Spc.Series;

namespace Quality.Pipeline.Monitoring;

/// <summary>
/// The assignable cause of each delivery, as the findings know it: a delivery that raised a system error, an individual
/// error, a systematic confusion or a structural concentration (night, far objects: the root-cause drill-down) has a cause the product diagnosed, named by those findings. A process signal is not
/// one: it says that something changed, not what. Phase I charting drops an out-of-control baseline delivery only when it
/// has a cause (Montgomery's procedure, <see cref="SeriesPoint.AssignableCause"/>); one without stays and is reported as
/// retained. A finding keeps its last <see cref="Finding.MaxBatches"/> batches, so an older sighting no longer counts.
/// </summary>
public static class AssignableCauses
{
    /// <summary>Batch id → "systemError on confusion:cyclist&gt;pedestrian; individualError on miss:car (ann-02)", ordinal order.</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return findings
            .Where(f => f.Kind is FindingKind.SystemError or FindingKind.IndividualError or FindingKind.SystematicConfusion or FindingKind.Structural)
            .SelectMany(f => f.Batches.Select(b => (Batch: b, Cause: Describe(f))))
            .GroupBy(c => c.Batch, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(c => c.Cause).Distinct().Order(StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    /// <summary>
    /// The pipeline's findings read as causes: what every chart of its series is computed with — the API's, the
    /// dashboard's, the batch report's — so all draw the same Phase I limits as the process signals were raised against.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(Storage.TableFindingStore findings, string pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return Of(await findings.ListAsync(pipeline, null, null, cancellationToken));
    }

    /// <summary>The stored series as chart points, each with its batch's cause when it has one.</summary>
    public static IReadOnlyList<SeriesPoint> Points(IReadOnlyList<StoredSeriesPoint> stored, IReadOnlyDictionary<string, string> causes)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(causes);
        return [.. stored.Select(p => new SeriesPoint(p.BatchId, p.Count, p.Size, p.Value, p.Phase) { AssignableCause = causes.GetValueOrDefault(p.BatchId) })];
    }

    private static string Describe(Finding f) =>
        $"{char.ToLowerInvariant(f.Kind.ToString()[0])}{f.Kind.ToString()[1..]} on {f.ErrorTypeKey}" + (f.Annotators.Count > 0 ? $" ({string.Join(", ", f.Annotators)})" : "");
}
