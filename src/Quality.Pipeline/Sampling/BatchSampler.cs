using Quality.Domain.Audit;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Pipeline.Sampling;

/// <summary>
/// Draws a completed batch's review sample at finalize: the shards' frames merged, the plan at the severity the vendor's
/// inspection state is at (the standard's <c>inspection</c> before its first decided lot), written as <c>sample.json</c>.
/// </summary>
public sealed class BatchSampler(BlobWorkStore work, BlobReportStore reports, TableInspectionStore inspections)
{
    /// <summary>
    /// The sample, drawn once: a redelivered finalize finds it written and keeps it, whatever the state is by then. Null
    /// when a shard has no frame (computed by a version that did not write frames): the batch completes without a sample
    /// rather than fail an audit that is whole.
    /// </summary>
    public async Task<AuditSample?> DrawAsync(Run run, SamplingSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        if (await reports.ReadAsync(run.Id, BlobReportStore.Sample, cancellationToken) is { } written)
        {
            return ReportJson.Deserialize<AuditSample>(written);
        }

        var (pipeline, vendor, delivery) = (run.Pipeline ?? "unknown", run.Vendor ?? "unknown", run.DeliveryId ?? run.Id);
        var severity = (await inspections.GetAsync(pipeline, vendor, cancellationToken))?.State.Severity ?? settings.StartingSeverity;
        var seed = AuditSampling.SeedFor(settings, pipeline, vendor, delivery);
        var sample = settings.RiskWeighted
            ? await DrawHoldingFrameAsync(run, settings, seed, severity, cancellationToken)
            : await DrawInPassesAsync(run, new ReviewSampleDraw(settings, seed, severity), cancellationToken);
        if (sample is null)
        {
            return null;
        }

        await reports.WriteAsync(run.Id, BlobReportStore.Sample, ReportJson.Serialize(sample), cancellationToken);
        return sample;
    }

    /// <summary>
    /// Reads the shards' frames once per pass of <paramref name="draw"/>, one shard at a time: memory is one shard's
    /// frame and the sample, not the batch's frame. Null when a shard has no frame.
    /// </summary>
    private async Task<AuditSample?> DrawInPassesAsync(Run run, ReviewSampleDraw draw, CancellationToken cancellationToken)
    {
        while (!draw.IsDrawn)
        {
            for (var shard = 0; shard < run.ShardCount; shard++)
            {
                if (await work.ReadFrameAsync(run.Id, shard, cancellationToken) is not { } units)
                {
                    return null;
                }

                draw.Add(units);
            }

            draw.EndPass();
        }

        return draw.Result();
    }

    /// <summary>
    /// A risk-weighted draw: its π sums the weights of each stratum over the whole frame in unit id order, so the frame is
    /// merged (an annotator on an item is a few hundred bytes held). Null when a shard has no frame.
    /// </summary>
    private async Task<AuditSample?> DrawHoldingFrameAsync(Run run, SamplingSettings settings, string seed, InspectionSeverity severity, CancellationToken cancellationToken)
    {
        var frame = new List<ReviewUnit>();
        for (var shard = 0; shard < run.ShardCount; shard++)
        {
            if (await work.ReadFrameAsync(run.Id, shard, cancellationToken) is not { } units)
            {
                return null;
            }

            frame.AddRange(units);
        }

        return AuditSampling.Draw(frame, settings, seed, severity);
    }

    /// <summary>Where a vendor's inspection starts: the standard's severity; reduced inspection is not approved by default.</summary>
    public static InspectionState InitialState(SamplingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return InspectionState.Start(reducedInspectionApproved: false) with { Severity = settings.StartingSeverity };
    }
}
