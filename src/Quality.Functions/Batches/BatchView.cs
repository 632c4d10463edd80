using Quality.Domain.Audit;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Batches;

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
    TaxonomyUse? Taxonomy,
    VerdictUse? Verdict,
    CountsView? Counts,
    AgreementView? Agreement,
    BatchLinks Links)
{
    /// <summary>For a review delivery: the batch it reviews and the decision on that lot (reasons at <c>/api/batches/{id}/disposition</c>).</summary>
    public ReviewUse? Review { get; init; }

    /// <summary>What ingest had to assume to read the delivery, each naming file, line and field (e.g. Label Studio annotations without completed_by); null when nothing.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    public static BatchView From(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Pipeline, run.Vendor, run.DeliveryId, run.BlobName, run.Status.ToString(), run.CreatedTime,
            run.LastUpdatedTime, run.CompletedTime, run.Reason, TaxonomyUse.From(run.Taxonomy, run.TaxonomyChecked), VerdictUse.From(run.Verdict, run.Standard), CountsView.From(run.Metrics), AgreementView.From(run.Metrics), BatchLinks.For(run.Id))
        {
            Review = ReviewUse.From(run.Reviews, run.Disposition),
            Warnings = run.Warnings?.Select(w => w.Message).ToList(),
        };
    }

    public static BatchView From(BatchSummary batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new(batch.BatchId, batch.Pipeline, batch.Vendor, batch.DeliveryId, batch.BlobName, batch.Status.ToString(), batch.CreatedTime,
            batch.LastUpdatedTime, batch.CompletedTime, batch.Reason, TaxonomyUse.From(batch.Taxonomy, batch.TaxonomyChecked), VerdictUse.From(batch.Verdict, batch.Standard), CountsView.From(batch.Metrics), AgreementView.From(batch.Metrics), BatchLinks.For(batch.BatchId))
        {
            Review = ReviewUse.From(batch.Reviews, batch.Disposition),
        };
    }
}

/// <summary>The taxonomy version every figure of the batch was computed under, and whether labels were checked against it.</summary>
internal sealed record TaxonomyUse(string Reference, bool Checked)
{
    public static TaxonomyUse? From(string? reference, bool isChecked) => reference is null ? null : new(reference, isChecked);
}

/// <summary>The batch's verdict and the standard version it applied; the reasons are at <c>/api/batches/{id}/verdict</c>.</summary>
internal sealed record VerdictUse(string Outcome, string Standard)
{
    public static VerdictUse? From(string? outcome, string? standard) => outcome is null || standard is null ? null : new(outcome, standard);
}

/// <summary>The lot a review delivery decides, and the decision once made.</summary>
internal sealed record ReviewUse(string Batch, string? Disposition)
{
    public static ReviewUse? From(string? batch, string? disposition) => batch is null ? null : new(batch, disposition);
}

internal sealed record BatchLinks(string Self, string Run)
{
    public static BatchLinks For(string id) => new($"/api/batches/{id}", $"/api/runs/{id}");
}
