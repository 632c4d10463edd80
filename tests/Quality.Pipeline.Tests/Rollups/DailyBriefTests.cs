using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Quality.Domain.Audit;
using Quality.Domain.Matching;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;
using Quality.Pipeline.Reports.Html;
using Quality.Pipeline.Rollups;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;
using Xunit.Abstractions;
using Injection = Quality.Tests.Shared.ObjectDeliveryGenerator.Injection;

namespace Quality.Pipeline.Tests.Rollups;

/// <summary>
/// The daily brief of a day with three deliveries of two vendors and a review, through the real pipeline on Azurite:
/// every count, rate and interval checked against figures computed here from the generated deliveries' lines.
/// </summary>
public sealed class DailyBriefTests(ITestOutputHelper output)
{
    private const string Standard = """
        standard: scenario
        version: 1.0.0
        rules:
          - metric: gold-recall
            class: pedestrian
            lowerBound: 0.9
            severity: reject
        sampling:
          aql: 1.0
          level: II
        """;

    private static readonly Injection[] PedestriansAsCyclists = [new("pedestrian", "cyclist", 0.3)];

    [Fact]
    public async Task Run_ThreeDeliveriesOfTwoVendorsAndAReview_CountsVerdictsLotsRatesWithIntervalsAndRisks()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T09:00:00Z", CultureInfo.InvariantCulture));
        await using var pipeline = await TestPipeline.StartAsync(time: time);
        await pipeline.Get<BlobStandardStore>().PutAsync(StandardDocument.Parse(Standard, null), CancellationToken.None);
        var history = ObjectDeliveryGenerator.Generate(seed: 20, "d-0");
        await pipeline.DeliverAndAuditAsync("scenario/acme/d-0.jsonl", history); // the day before: acme's 30-day history
        time.Advance(TimeSpan.FromDays(1));
        var acme1 = ObjectDeliveryGenerator.Generate(seed: 21, "d-1", injections: PedestriansAsCyclists);
        var acme2 = ObjectDeliveryGenerator.Generate(seed: 22, "d-2");
        var beta1 = ObjectDeliveryGenerator.Generate(seed: 23, "b-1", vendor: "beta", injections: PedestriansAsCyclists);
        var lot = await pipeline.DeliverAndAuditAsync("scenario/acme/d-1.jsonl", acme1);
        time.Advance(TimeSpan.FromMinutes(5));
        await pipeline.DeliverAndAuditAsync("scenario/acme/d-2.jsonl", acme2);
        time.Advance(TimeSpan.FromMinutes(5));
        await pipeline.DeliverAndAuditAsync("scenario/beta/b-1.jsonl", beta1);
        time.Advance(TimeSpan.FromMinutes(5));
        var sample = ReportJson.Deserialize<AuditSample>((await pipeline.Get<BlobReportStore>().ReadAsync(lot.Id, BlobReportStore.Sample, CancellationToken.None))!);
        var review = await pipeline.DeliverAndAuditAsync("scenario/acme/review-1.jsonl",
            ReviewDeliveries.FromGold(lot.Id, acme1, sample.Items.Select(i => i.Item), "scenario", "acme", "review-1"));
        time.Advance(TimeSpan.FromDays(1));

        var brief = await pipeline.Get<DailyRollupJob>().RunAsync(new DateOnly(2026, 11, 24), CancellationToken.None);

        Assert.Equal(LotDisposition.Rejected, review.Disposition);
        var scenario = Assert.Single(brief.Pipelines);
        var (acme, beta, total) = (scenario.Vendors[0], scenario.Vendors[1], scenario.Total);
        Assert.Equal(("acme", "beta"), (acme.Vendor, beta.Vendor));
        Assert.Equal((4, 3, 1), (brief.Deliveries, total.VendorDeliveries, total.ReviewDeliveries));
        Assert.Equal((2, 1, 1, 0), (acme.VendorDeliveries, acme.ReviewDeliveries, beta.VendorDeliveries, beta.ReviewDeliveries));
        Assert.Equal(new VerdictCounts(1, 0, 1, 0), acme.Verdicts); // d-1's pedestrians fail recall, d-2 passes
        Assert.Equal(new VerdictCounts(0, 0, 1, 0), beta.Verdicts);
        Assert.Equal(new VerdictCounts(1, 0, 2, 0), total.Verdicts);
        Assert.Equal((new LotCounts(0, 1, 0), 40L), (acme.Lots, acme.ItemsSentToRework)); // a rejected lot goes back whole
        Assert.Equal((120L, Annotations(acme1) + Annotations(acme2) + Annotations(beta1)), (total.Items, total.Annotations));

        // Gold error rate: every gold object each annotator did not label with its class (missed or misclassified).
        var (e0, e1, e2, e3) = (GoldErrors(history), GoldErrors(acme1), GoldErrors(acme2), GoldErrors(beta1));
        const long PerDelivery = 40 * 5 * 5; // items × classes × annotators
        AssertRate(acme.GoldErrorRate!, e1 + e2, 2 * PerDelivery, e0, PerDelivery, 1);
        AssertRate(beta.GoldErrorRate!, e3, PerDelivery, 0, 0, 0);
        AssertRate(total.GoldErrorRate!, e1 + e2 + e3, 3 * PerDelivery, e0, PerDelivery, 1);
        Assert.Equal((RateTrend.Higher, RateTrend.NoHistory), (acme.GoldErrorRate!.Trend, beta.GoldErrorRate!.Trend));
        Assert.Null(total.ViolationRate); // the taxonomy the deliveries name is not registered: nothing was checked

        // Agreement: each delivery's own statistic, named with its level; these deliveries have no tag field, so none is defined.
        Assert.Equal(["d-1", "d-2", "b-1"], total.Agreement.Select(a => a.DeliveryId));
        Assert.All(total.Agreement, a => Assert.Equal(("Krippendorff's alpha (nominal)", null, "the batch has no frame-tag field"), (a.Statistic, a.Value, a.UndefinedReason)));

        var risks = brief.Risks.Select(r => (r.Kind, r.Sentence)).ToList();
        Assert.Equal((BriefRisk.Safety, "pedestrian recall under the standard for 2 deliveries (acme, beta): model-risk class"), risks[0]);
        Assert.Equal((BriefRisk.Business, "1 lot of acme rejected on review: 40 items back to rework, a cost and schedule risk"), risks[1]);
        var acmeRate = WilsonScoreInterval.Compute(e1 + e2, 2 * PerDelivery);
        Assert.Equal((BriefRisk.Business, string.Create(CultureInfo.InvariantCulture,
            $"acme's gold error rate {acmeRate.Value * 100:0.0}% (95% CI {acmeRate.Lower * 100:0.0}%–{acmeRate.Upper * 100:0.0}%) against {e0 * 100.0 / PerDelivery:0.0}% over the last 30 days: quality drifting")), risks[2]);
        Assert.Equal(3, brief.Risks.Count);

        var open = await pipeline.Get<TableFindingStore>().ListAsync("scenario", Domain.Findings.FindingStatus.Open, null, CancellationToken.None);
        Assert.Equal(open.Count, scenario.OpenFindings.Total);
        Assert.Equal(open.Count(f => f.Kind == Domain.Findings.FindingKind.SystemError), scenario.OpenFindings.SystemErrors);

        var stored = await pipeline.Get<StoredBriefs>().ReadAsync(new DateOnly(2026, 11, 24), CancellationToken.None);
        Assert.Equal(ReportJson.Serialize(brief), ReportJson.Serialize(stored));
        output.WriteLine(ReportJson.Serialize(brief, indented: true));
        var page = DailyBriefPage.Render(brief);
        Assert.Contains("pedestrian recall under the standard for 2 deliveries (acme, beta): model-risk class", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ADayWithNoDeliveries_IsStoredAndSaysSo()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        await pipeline.Get<DailyRollupJob>().RunAsync(new DateOnly(2026, 11, 24), CancellationToken.None);

        var briefs = pipeline.Get<StoredBriefs>();
        var stored = await briefs.ReadAsync(new DateOnly(2026, 11, 24), CancellationToken.None);
        Assert.Equal((0, "No deliveries arrived on 2026-11-24 (UTC): the day was computed and had nothing to audit."), (stored!.Pipelines.Count, stored.Note));
        Assert.Null(await briefs.ReadAsync(new DateOnly(2026, 11, 25), CancellationToken.None)); // not computed: no brief at all
    }

    [Fact]
    public async Task Read_ADayStoredByTheRollupBeforeTheBrief_IsABriefThatSaysWhatItLacks()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var table = pipeline.Storage.Table(pipeline.Storage.Names.Rollups);
        await table.AddEntityAsync(new TableEntity("2026-10-01", "old-pipeline")
        {
            ["Deliveries"] = 3, ["Items"] = 90L, ["Annotations"] = 900L, ["StatusCounts"] = "Completed=2;Rejected=1",
            ["AlphaBatches"] = 2, ["AlphaMean"] = 0.71, ["ComputedTime"] = DateTimeOffset.Parse("2026-10-02T00:30:05Z", CultureInfo.InvariantCulture),
        });

        var brief = await pipeline.Get<StoredBriefs>().ReadAsync(new DateOnly(2026, 10, 1), CancellationToken.None);

        var old = Assert.Single(brief!.Pipelines);
        Assert.Equal((1, 3, 90L, 2, 1), (brief.SchemaVersion, old.Total.VendorDeliveries, old.Total.Items, old.Total.Statuses["Completed"], old.Total.Statuses["Rejected"]));
        Assert.Contains("include review deliveries", brief.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("0.71", ReportJson.Serialize(brief), StringComparison.Ordinal); // a mean of alphas is no statistic of the day
    }

    private static void AssertRate(RateTrend rate, long errors, long opportunities, long pastErrors, long pastOpportunities, int pastDeliveries)
    {
        var wilson = WilsonScoreInterval.Compute(errors, opportunities);
        Assert.Equal((errors, opportunities), (rate.Errors, rate.Opportunities));
        Assert.Equal((double)errors / opportunities, rate.Rate!.Value, 15);
        Assert.Equal([wilson.Lower, wilson.Upper], rate.Ci95!);
        Assert.Equal((pastDeliveries, pastErrors, pastOpportunities), (rate.History.Deliveries, rate.History.Errors, rate.History.Opportunities));
        if (pastOpportunities > 0)
        {
            var d = NewcombeDifferenceInterval.Compute(errors, opportunities, pastErrors, pastOpportunities);
            Assert.Equal([d.Lower, d.Upper], rate.DifferenceCi95!);
        }
    }

    /// <summary>Every line but the header: the gold key's objects and the annotators' (a missed object is no line).</summary>
    private static long Annotations(string delivery) => delivery.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

    /// <summary>Gold objects × annotators not labeled with their class: each annotator line sits at its gold object's place (x = 25 m × class).</summary>
    private static long GoldErrors(string delivery)
    {
        var lines = delivery.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => JsonNode.Parse(l)!).ToList();
        var opportunities = lines.Count(l => (string?)l["role"] == "gold") * 5L;
        var correct = lines.Count(l => (string?)l["role"] == "annotator"
            && (string?)l["label"] == ObjectDeliveryGenerator.Classes[(int)Math.Round((double)l["geometry"]!["x"]! / 25)]);
        return opportunities - correct;
    }
}
