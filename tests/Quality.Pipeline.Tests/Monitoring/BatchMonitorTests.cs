using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.Standards;
using Quality.Pipeline.Monitoring;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Monitoring;

/// <summary>Completed runs on Azurite leave their figures in the series table and their error counts in the history.</summary>
public sealed class BatchMonitorTests
{
    [Fact]
    public async Task Finalize_OneAnnotatorCallsEveryWheelchairUserAPedestrian_SeriesAndHistoryHoldTheExactCounts()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        // No base errors; ann-00 labels all 40 wheelchair users pedestrians. 5 annotators × 40 items × 5 gold objects = 1000 comparisons.
        var delivery = ObjectDeliveryGenerator.Generate(seed: 3, "d-1", baseErrorRate: 0,
            injections: [new("wheelchair_user", "pedestrian", 1.0, ["ann-00"])]);

        var runId = await pipeline.DeliverAsync("scenario/acme/d-1.jsonl", delivery);

        Assert.Equal(RunStatus.Completed, (await pipeline.AuditAsync(runId)).Status);
        var store = pipeline.Get<TableSeriesStore>();
        var overall = Assert.Single(await store.ReadAsync(new SeriesKey("scenario", "gold-error-rate", null, null), CancellationToken.None));
        Assert.Equal((runId, 40.0, 1000.0), (overall.BatchId, overall.Count!.Value, overall.Size!.Value));
        var wheelchair = Assert.Single(await store.ReadAsync(new SeriesKey("scenario", "gold-error-rate", "wheelchair_user", "acme"), CancellationToken.None));
        Assert.Equal((40.0, 200.0), (wheelchair.Count!.Value, wheelchair.Size!.Value));
        Assert.Equal("driving-objects@1.0.0", wheelchair.Phase);
        var history = Assert.Single(await store.ReadErrorsAsync("scenario", CancellationToken.None));
        var confusion = Assert.Single(history.Errors.Types());
        Assert.Equal((BatchErrorCounts.Confusion, "wheelchair_user", "pedestrian"), (confusion.Kind, confusion.Subject, confusion.LabeledAs));
        Assert.Equal([40L, 0, 0, 0, 0], confusion.Annotators.Select(a => a.Errors));
        Assert.All(confusion.Annotators, a => Assert.Equal(40, a.Opportunities));
    }

    [Theory]
    [InlineData("nelson", "Nelson3")]
    [InlineData("we", null)]
    public async Task Finalize_DeliveryEndsASixPointRise_ProcessSignalFollowsTheRunsStandardsRules(string rules, string? expected)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        // The series of ProcessSignalsTests: 15 earlier deliveries (baseline 36, 44, 32, 48, … p̄ = 0.04; then 35 … 39 per 1000),
        // and this delivery's 40 of 1000 (ann-00 calls all 40 wheelchair users pedestrians, nothing else is wrong) completes six
        // points rising within 1σ: Nelson's rule 3, which Western Electric does not have.
        var store = pipeline.Get<TableSeriesStore>();
        var earlier = ProcessSignalsTests.RisingWithinOneSigma;
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < earlier.Length; i++)
        {
            var batch = new SeriesBatch("scenario", "acme", $"earlier-{i:D2}", now.AddDays(i - earlier.Length), "driving-objects@1.0.0");
            await store.RecordAsync(batch, [new SeriesFigure(MonitoredMetric.GoldErrorRate.Name, null, earlier[i], 1000, null)], CancellationToken.None);
        }

        await pipeline.Get<BlobStandardStore>().PutAsync(StandardDocument.Parse(ProcessSignalsTests.GoldStandard(
            "scenario", $"spc:\n  rules: {rules}\n  baseline: 10\n  charts: {{gold-error-rate: p}}\n"), null), CancellationToken.None);
        var delivery = ObjectDeliveryGenerator.Generate(seed: 3, "d-16", baseErrorRate: 0,
            injections: [new("wheelchair_user", "pedestrian", 1.0, ["ann-00"])]);

        var runId = await pipeline.DeliverAsync("scenario/acme/d-16.jsonl", delivery);
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal((RunStatus.Completed, "scenario@1.0.0"), (run.Status, run.Standard));
        var series = await store.ReadAsync(new SeriesKey("scenario", MonitoredMetric.GoldErrorRate.Name, null, null), CancellationToken.None);
        Assert.Equal((runId, 40.0, 16), (series[^1].BatchId, series[^1].Count!.Value, series.Count));
        var signals = await pipeline.Get<TableFindingStore>().ListAsync("scenario", null, FindingKind.ProcessSignal, CancellationToken.None);
        var signal = signals.SingleOrDefault(f => f.ErrorTypeKey == "spc:" + MonitoredMetric.GoldErrorRate.Name);
        Assert.Equal(expected, signal?.Evidence.Single(e => e.Name == "rules").Detail?.Split(';')[0]);
        Assert.Equal(expected is null ? null : [runId], signal?.Batches);
    }

    [Theory]
    [InlineData("[krippendorff-alpha, gwet-ac1]", "AcceptedWithFindings")]
    [InlineData("[gwet-ac1]", "Accepted")]
    public async Task Finalize_AlphaFallsBelowItsLimits_TheStandardsAgreementSectionDecidesWhetherItCountsInTheVerdict(string agreement, string verdict)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        // Ten earlier deliveries with alpha 0.89–0.91 (I-MR: x̄ 0.9, σ̂ = MR̄/1.128 ≈ 0.012), then a tag delivery whose
        // annotators are right 95%, 85% and 75% of the time: its alpha is far below the limits. A standard that lists
        // Krippendorff's alpha among the statistics that apply gets the process signal and a verdict "accepted with
        // findings"; one that lists only Gwet's AC1 (its rule, AC1 ≥ 0, passes) is not judged on the alpha chart.
        var store = pipeline.Get<TableSeriesStore>();
        double[] earlier = [0.90, 0.91, 0.89, 0.90, 0.91, 0.90, 0.89, 0.90, 0.91, 0.90];
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < earlier.Length; i++)
        {
            var batch = new SeriesBatch("scenario", "test-vendor", $"earlier-{i:D2}", now.AddDays(i - earlier.Length), "driving-scenes@1.0.0");
            await store.RecordAsync(batch, [new SeriesFigure(MonitoredMetric.Alpha.Name, null, null, null, earlier[i])], CancellationToken.None);
        }

        await pipeline.Get<BlobStandardStore>().PutAsync(StandardDocument.Parse(
            $"standard: scenario\nversion: 1.0.0\nrules:\n  - metric: gwet-ac1\n    min: 0\nagreement: {agreement}\nspc:\n  baseline: 10\n", null),
            CancellationToken.None);

        var run = await pipeline.DeliverAndAuditAsync("scenario/test-vendor/d-11.jsonl", DeliveryGenerator.Generate(200, pipeline: "scenario", deliveryId: "d-11"));

        Assert.Equal((RunStatus.Completed, verdict), (run.Status, run.Verdict));
        var series = await store.ReadAsync(new SeriesKey("scenario", MonitoredMetric.Alpha.Name, null, null), CancellationToken.None);
        Assert.True(series[^1].Value < 0.8, $"alpha {series[^1].Value}");
        var signals = await pipeline.Get<TableFindingStore>().ListAsync("scenario", null, FindingKind.ProcessSignal, CancellationToken.None);
        Assert.Equal(verdict == "Accepted" ? 0 : 1, signals.Count(f => f.ErrorTypeKey == "spc:" + MonitoredMetric.Alpha.Name));
    }
}
