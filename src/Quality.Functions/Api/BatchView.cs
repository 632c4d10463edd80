using Quality.Domain.Audit;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Api;

/// <summary>
/// A batch as <c>GET /api/batches/{id}</c> and the list show it. Undefined statistics (e.g. alpha with no variation)
/// are null, never a made-up number; each figure carries the n behind it.
/// </summary>
internal sealed record BatchView(
    string Id,
    string? Pipeline,
    string? Vendor,
    string? DeliveryId,
    string BlobName,
    string Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    DateTimeOffset? CompletedTime,
    string? Reason,
    CountsView? Counts,
    AgreementView? Agreement,
    BatchLinks Links)
{
    public static BatchView From(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Pipeline, run.Vendor, run.DeliveryId, run.BlobName, run.Status.ToString(), run.CreatedTime,
            run.LastUpdatedTime, run.CompletedTime, run.Reason, CountsView.From(run.Metrics), AgreementView.From(run.Metrics), BatchLinks.For(run.Id));
    }

    public static BatchView From(BatchSummary batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.BatchId, batch.Pipeline, batch.Vendor, batch.DeliveryId, batch.BlobName, batch.Status.ToString(), batch.CreatedTime,
            batch.LastUpdatedTime, batch.CompletedTime, batch.Reason, CountsView.From(batch.Metrics), AgreementView.From(batch.Metrics), BatchLinks.For(batch.BatchId));
    }
}

internal sealed record CountsView(long Items, long Annotators, long Annotations, IReadOnlyDictionary<string, long> AnnotationsByRole)
{
    public static CountsView? From(BatchMetrics? m) =>
        m is null ? null : new(m.Items, m.Annotators, m.Annotations, m.AnnotationsByRole);
}

/// <summary>Headline agreement (alpha of the weakest field; percent agreement over all tag units) and per field.</summary>
internal sealed record AgreementView(
    double? KrippendorffAlphaNominal,
    string? WeakestField,
    double? PercentAgreement,
    IReadOnlyDictionary<string, FieldAgreementView> Fields)
{
    public static AgreementView? From(BatchMetrics? m) => m is null ? null : new(
        Defined(m.KrippendorffAlphaNominal),
        m.WeakestField,
        Defined(m.PercentAgreement),
        m.Fields.ToDictionary(f => f.Key, f => new FieldAgreementView(
            f.Value.Units, f.Value.PairableValues, Defined(f.Value.KrippendorffAlphaNominal), Defined(f.Value.PercentAgreement)), StringComparer.Ordinal));

    public static double? Defined(double value) => double.IsNaN(value) ? null : value;
}

internal sealed record FieldAgreementView(long Units, long PairableValues, double? KrippendorffAlphaNominal, double? PercentAgreement);

internal sealed record BatchLinks(string Self, string Run)
{
    public static BatchLinks For(string id) => new($"/api/batches/{id}", $"/api/runs/{id}");
}
