using Quality.Domain.Audit;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Sampling;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Sampling;

/// <summary>A review delivery against its batch's sample, through the real pipeline on Azurite.</summary>
public sealed class LotReviewTests
{
    /// <summary>A clean delivery (no labeling errors) of 40 items × 5 annotators, audited and sampled.</summary>
    private static async Task<(string Batch, string Delivery, AuditSample Sample)> SampledAsync(TestPipeline pipeline)
    {
        await pipeline.Get<BlobStandardStore>().PutAsync(StandardDocument.Parse(ReviewDeliveries.SamplingStandard("scenario"), null), CancellationToken.None);
        var delivery = ObjectDeliveryGenerator.Generate(seed: 11, "d-1", baseErrorRate: 0);
        var batch = await pipeline.DeliverAsync("scenario/acme/d-1.jsonl", delivery);
        await pipeline.AuditAsync(batch);
        var json = await pipeline.Get<BlobReportStore>().ReadAsync(batch, BlobReportStore.Sample, CancellationToken.None);
        return (batch, delivery, ReportJson.Deserialize<AuditSample>(json!));
    }

    private static string Review(string batch, string delivery, IEnumerable<string> items, string vendor = "acme", Func<int, string>? reviewerOf = null) =>
        ReviewDeliveries.FromGold(batch, delivery, items, "scenario", vendor, "review-1", reviewerOf);

    [Fact]
    public async Task Review_HalfTheSample_IsIncompleteAndMovesNothing_ThenTheWholeSampleIsAccepted()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var (batch, delivery, sample) = await SampledAsync(pipeline);
        var items = sample.Items.Select(i => i.Item).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // 200 units (40 items × 5 annotators): Table I letter G, and the plan Z1.4's for it.
        var plan = AcceptanceSampling.Plan(200, 1.0);
        Assert.Equal((200L, plan.SampleSize, plan.Accept), (sample.LotSize, sample.Plan.SampleSize, sample.Plan.Accept));

        var half = await pipeline.DeliverAndAuditAsync("scenario/acme/review-half.jsonl", Review(batch, delivery, items.Take(items.Count / 2)));
        Assert.Equal((RunStatus.Completed, "incomplete", batch), (half.Status, half.Disposition, half.Reviews));
        Assert.Null(await pipeline.Get<TableInspectionStore>().GetAsync("scenario", "acme", CancellationToken.None));

        var whole = await pipeline.DeliverAndAuditAsync("scenario/acme/review-whole.jsonl", Review(batch, delivery, items));
        Assert.Equal("accepted", whole.Disposition);
        var inspection = await pipeline.Get<TableInspectionStore>().GetAsync("scenario", "acme", CancellationToken.None);
        var lot = Assert.Single(inspection!.Lots);
        Assert.Equal((batch, whole.Id, 0, sample.Items.Count), (lot.Batch, lot.ReviewBatch, lot.Nonconforming, lot.Reviewed));
        Assert.True(lot.Record!.Accepted);
        var decision = await pipeline.Get<BlobReportStore>().ReadAsync(batch, BlobReportStore.Disposition, CancellationToken.None);
        Assert.Contains(whole.Id, decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_TwoReviewersOnOneItem_IsRejectedNamingTheLineAndBothReviewers()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var (batch, delivery, sample) = await SampledAsync(pipeline);
        var first = sample.Items[0].Item;

        // The gold key's objects of the first sampled item alternate between two reviewers.
        var run = await pipeline.DeliverAndAuditAsync("scenario/acme/review-2.jsonl",
            Review(batch, delivery, [first], reviewerOf: index => index % 2 == 0 ? "qa-a" : "qa-b"));

        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Contains("review-2.jsonl", run.Reason, StringComparison.Ordinal);
        Assert.Contains("line 3", run.Reason, StringComparison.Ordinal);
        Assert.Contains($"item '{first}' is reviewed by 'qa-a' and 'qa-b'", run.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_OfAnotherVendorsBatch_IsRejectedNamingReviews()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var (batch, delivery, sample) = await SampledAsync(pipeline);

        var run = await pipeline.DeliverAndAuditAsync("scenario/other/review-1.jsonl", Review(batch, delivery, [sample.Items[0].Item], vendor: "other"));

        Assert.Equal(RunStatus.Rejected, run.Status);
        Assert.Contains("reviews", run.Reason, StringComparison.Ordinal);
        Assert.Contains($"batch {batch} is a delivery of acme on scenario; this review is of other on scenario", run.Reason, StringComparison.Ordinal);
    }
}
