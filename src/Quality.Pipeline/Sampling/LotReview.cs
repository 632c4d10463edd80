using Microsoft.Extensions.Options;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Sampling;
using Quality.Pipeline.Deliveries;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Sampling;

/// <summary>
/// Finalize of a review delivery (header <c>reviews</c>: a batch id): its reviewer labels are held against the reviewed
/// batch's original labels unit by unit, the lot is decided by the sample's plan, the vendor's inspection state advances,
/// and the decision is stored with both batches (<c>disposition.json</c>).
/// </summary>
/// <remarks>
/// Memory is that of the sample: the original shards are streamed and only the sampled units' labels kept; the review
/// delivery holds only reviewed items. A review that cannot be held against its batch (no such batch, not completed,
/// another pipeline or vendor, no sample, two reviewers on one item) is a bad delivery and is rejected with the reason.
/// </remarks>
public sealed class LotReview(
    TableRunStore runs,
    BlobWorkStore work,
    BlobReportStore reports,
    BlobStandardStore standards,
    TableInspectionStore inspections,
    RunChanges changes,
    IOptions<PipelineOptions> options)
{
    /// <exception cref="DeliveryFormatException">The review cannot be held against the batch it names.</exception>
    public async Task<LotDecision> DecideAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var reviewed = run.Reviews ?? throw new ArgumentException($"Run {run.Id} is not a review delivery.", nameof(run));
        var original = await runs.GetAsync(reviewed, cancellationToken);
        var headerLine = DeliveryLayout.Classify(run.BlobName) == DeliveryLayout.Kind.Manifest ? 0 : 1;
        DeliveryFormatException Bad(string problem) => new(run.BlobName, headerLine, "reviews", problem);
        if (original is null)
        {
            throw Bad($"batch {reviewed} does not exist");
        }

        if (original.Status != RunStatus.Completed)
        {
            throw Bad($"batch {reviewed} is {original.Status.ToString().ToLowerInvariant()}; only a completed batch's sample can be reviewed");
        }

        if (original.Pipeline != run.Pipeline || original.Vendor != run.Vendor)
        {
            throw Bad($"batch {reviewed} is a delivery of {original.Vendor} on {original.Pipeline}; this review is of {run.Vendor} on {run.Pipeline}");
        }

        var sampleJson = await reports.ReadAsync(original.Id, BlobReportStore.Sample, cancellationToken)
            ?? throw Bad($"batch {reviewed} has no review sample: its standard ({original.Standard ?? "none"}) has no sampling plan");
        var sample = ReportJson.Deserialize<AuditSample>(sampleJson);
        var standard = original.Standard is { } reference ? await standards.GetAsync(reference, cancellationToken) : null;
        var spatial = options.Value.Spatial(standard);

        var items = sample.Items.Select(i => i.Item).ToHashSet(StringComparer.Ordinal);
        var units = sample.Items.Select(i => i.Unit).ToHashSet(StringComparer.Ordinal);
        var originalLabels = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        await ReadShardsAsync(original, a => a.Role == AnnotatorRole.Annotator && units.Contains(ReviewUnit.IdOf(a.Item, a.Annotator)),
            a => Add(originalLabels, ReviewUnit.IdOf(a.Item, a.Annotator), a), cancellationToken);

        var reviewLabels = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        var unsampled = new HashSet<string>(StringComparer.Ordinal);
        await ReadShardsAsync(run, a => a.Role == AnnotatorRole.Reviewer, a =>
        {
            if (!items.Contains(a.Item))
            {
                unsampled.Add(a.Item);
                return;
            }

            if (reviewLabels.TryGetValue(a.Item, out var labels) && labels[0].Annotator != a.Annotator)
            {
                throw new DeliveryFormatException(a.SourceIn(run.BlobName), a.Line, "annotator",
                    $"item '{a.Item}' is reviewed by '{labels[0].Annotator}' and '{a.Annotator}'; a review has one reviewer per item");
            }

            Add(reviewLabels, a.Item, a);
        }, cancellationToken);

        var reviews = sample.Items
            .Where(i => reviewLabels.ContainsKey(i.Item))
            .Select(i => UnitReview.Compare(
                originalLabels.GetValueOrDefault(i.Unit) ?? throw new InvalidOperationException($"Sampled unit {i.Unit} has no labels in batch {original.Id}."),
                reviewLabels[i.Item],
                spatial))
            .ToList();
        var disposition = LotDisposition.Decide(sample, reviews);

        VendorInspection? inspection = null;
        DecidedLot? lot = null;
        var alreadyDecided = false;
        if (disposition.IsDecided && standard?.Sampling is { } settings)
        {
            var decided = new DecidedLot(0, original.Id, run.Id, changes.Now, sample.Plan, disposition.Reviewed, disposition.Nonconforming, disposition.Decision, null);
            (inspection, lot, alreadyDecided) = await inspections.ApplyAsync(
                run.Pipeline!, run.Vendor!, BatchSampler.InitialState(settings), decided, cancellationToken);
        }

        var decision = new LotDecision(original.Id, run.Id, original.Standard, LotDispositionView.From(disposition), [.. unsampled.Order(StringComparer.Ordinal)], lot, alreadyDecided,
            inspection is null ? null : InspectionSummary.From(inspection));
        var json = ReportJson.Serialize(decision);
        await reports.WriteAsync(run.Id, BlobReportStore.Disposition, json, cancellationToken);
        if (!alreadyDecided || lot?.ReviewBatch == run.Id)
        {
            await reports.WriteAsync(original.Id, BlobReportStore.Disposition, json, cancellationToken);
        }

        return decision;
    }

    private async Task ReadShardsAsync(Run run, Func<Annotation, bool> keep, Action<Annotation> add, CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            await using var stream = await work.OpenShardAsync(run.Id, run.ShardSet!, shard, cancellationToken);
            using var reader = new CanonicalDeliveryReader(stream, run.BlobName, normalised: true);
            while (await reader.ReadAnnotationAsync(cancellationToken) is { } annotation)
            {
                if (keep(annotation))
                {
                    add(annotation);
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<Annotation>> into, string key, Annotation annotation)
    {
        if (!into.TryGetValue(key, out var list))
        {
            into[key] = list = [];
        }

        list.Add(annotation);
    }
}
