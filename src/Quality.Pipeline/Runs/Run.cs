using Quality.Domain.Audit;
using Quality.Domain.Formats.Canonical;

namespace Quality.Pipeline.Runs;

/// <summary>
/// The record of one run: the delivery it audits, what ingest fixed (shards, taxonomy, standard), its status as the
/// batch list shows it and, once finalised, the batch's figures. Its progress through the steps is the AuditBatch
/// orchestration's; this record is what the steps read and what the API serves.
/// </summary>
public sealed record Run
{
    public required string Id { get; init; }

    public required string BlobName { get; init; }

    public required string BlobETag { get; init; }

    public required string ContentKey { get; init; }

    /// <summary>Bytes delivered: the blob's, or for a manifest its own and all its files'; chooses the shard count.</summary>
    public long BlobSize { get; init; }

    public string? Pipeline { get; init; }

    public string? Vendor { get; init; }

    public string? DeliveryId { get; init; }

    public string? Taxonomy { get; init; }

    /// <summary>
    /// Whether the delivery's taxonomy was registered when it was ingested: then every shard is checked against it and
    /// its attribute levels apply. Fixed at ingest, so a taxonomy registered mid-run cannot check half the shards.
    /// </summary>
    public bool TaxonomyChecked { get; init; }

    /// <summary>The verdict under the pipeline's quality standard (Accepted, AcceptedWithFindings, Rejected); null without one.</summary>
    public string? Verdict { get; init; }

    /// <summary>The pipeline's standard pinned at ingest, <c>pipeline@version</c>: its IoU rules and its verdict apply to the whole run.</summary>
    public string? Standard { get; init; }

    /// <summary>For a review delivery, the batch whose sample it reviews (set at ingest from the header's <c>reviews</c>).</summary>
    public string? Reviews { get; init; }

    /// <summary>For a review delivery, the decision on the reviewed lot: accepted, rejected or incomplete.</summary>
    public string? Disposition { get; init; }

    /// <summary>The frame-tag fields the delivery declares (level, values); set at ingest. Undeclared fields are nominal.</summary>
    public IReadOnlyDictionary<string, FieldDeclaration>? Fields { get; init; }

    /// <summary>The header's or manifest's <c>metadata</c> (site, shift, tool version…); set at ingest, null when it has none.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    public required RunStatus Status { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }

    public required DateTimeOffset LastUpdatedTime { get; init; }

    public DateTimeOffset? CompletedTime { get; init; }

    public int ShardCount { get; init; }

    /// <summary>
    /// The ingest attempt whose shards the run computes from. Every attempt writes its own set, so a redelivered or
    /// concurrent ingest can never overwrite shards a compute is reading; the first to move the run to Running wins.
    /// </summary>
    public string? ShardSet { get; init; }

    /// <summary>How many status changes the run has had; orders its history and its projections.</summary>
    public int Transitions { get; init; }

    public string? Reason { get; init; }

    /// <summary>What ingest had to assume to read the delivery (e.g. Label Studio annotations naming no annotator); null when nothing.</summary>
    public IReadOnlyList<Domain.Formats.DeliveryWarning>? Warnings { get; init; }

    public BatchMetrics? Metrics { get; init; }

    /// <summary>The table's concurrency token for this state; writes are conditional on it.</summary>
    public string? ETag { get; init; }

    public bool IsTerminal => Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Rejected;
}
