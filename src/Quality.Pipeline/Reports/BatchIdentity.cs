using Quality.Domain.Audit;

namespace Quality.Pipeline.Reports;

/// <summary>Which batch a report is about, and where its figures were computed.</summary>
/// <param name="Source">"the pipeline" (stored reports of a completed batch) or "an offline audit (quality audit)".</param>
public sealed record BatchIdentity(
    string Id, string? Pipeline, string? Vendor, string? DeliveryId, string? Taxonomy, string? Standard,
    DateTimeOffset? Delivered, DateTimeOffset? Completed, CountsView? Counts, string Source);
