using System.Globalization;
using System.Text;
using Quality.Domain.Audit;
using Quality.Domain.Findings;
using Quality.Domain.RootCauses;
using Quality.Pipeline.Activities;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;
using Quality.Tests.Shared;

namespace Quality.Pipeline.Tests.Activities;

/// <summary>The drill-down across shards on a real Azurite: the same report as one pass offline, and a structural finding stored.</summary>
public sealed class BatchRootCausesTests
{
    [Fact]
    public async Task Finalize_NightMissesOfEveryAnnotator_SameAsOfflineAcrossShardsAndAStructuralFinding()
    {
        var delivery = NightDelivery();
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?>
        {
            ["Pipeline:ShardTargetBytes"] = (Encoding.UTF8.GetByteCount(delivery) / 6).ToString(CultureInfo.InvariantCulture),
        });

        var runId = await pipeline.DeliverAsync("scenario/acme/night-001.jsonl", delivery);
        var run = await pipeline.AuditAsync(runId);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.True(run.ShardCount >= 4, $"{run.ShardCount} shards");
        var stored = ReportJson.Deserialize<RootCauseReport>((await pipeline.Get<BlobReportStore>().ReadAsync(runId, BlobReportStore.RootCauses, CancellationToken.None))!);
        var evidence = new List<EvidencePair>();
        await DeliveryAuditor.AuditAsync(new MemoryStream(Encoding.UTF8.GetBytes(delivery)), "offline", CancellationToken.None, evidence: evidence);
        var offline = RootCauseAnalysis.Analyse(evidence);
        // Counts merge exactly; only which rows are the first five examples depends on how items fall into shards.
        Assert.Equal(offline.Ranked.Select(c => c.Statement), stored.Ranked.Select(c => c.Statement));
        Assert.Equal(ReportJson.Serialize(offline.Strata), ReportJson.Serialize(stored.Strata));
        var top = stored.Ranked[0];
        Assert.Equal(("missed", "tag.time_of_day", "night", ConcentrationSource.System), (top.ErrorKind, top.Where[0].Stratum, top.Where[0].Level, top.Source));
        // The delivery's metadata is a stratum of every row, stored with the evidence.
        Assert.All(top.Evidence, e => Assert.Equal("sofia", e.Strata!.Levels["delivery.site"]));
        // The strata merged from the partials give the report that one offline pass over the committed pairs report gives
        // (the rows in shard order, as the shards' examples are kept), example rows and all.
        var committed = new List<EvidencePair>();
        await foreach (var pair in pipeline.Get<BlobPairsStore>().ReadAsync(runId, CancellationToken.None))
        {
            committed.Add(pair);
        }

        Assert.Equal(ReportJson.Serialize(RootCauseAnalysis.Analyse(committed)), ReportJson.Serialize(stored));
        var structural = await pipeline.Get<TableFindingStore>().ListAsync("scenario", null, FindingKind.Structural, CancellationToken.None);
        Assert.Equal("missed|tag.time_of_day=night", Assert.Single(structural).ErrorTypeKey);
    }

    /// <summary>
    /// 60 items, every third at night, four gold cars each, three annotators. At night annotator a misses car k of item i
    /// when (i/3 + k + a) mod 3 = 0 (one in three of the 20 night items), by day when (i + k + a) mod 12 = 0 (one in
    /// twelve): about 80 of 240 vs 40 of 480, alike for every annotator.
    /// </summary>
    private static string NightDelivery()
    {
        var text = new StringBuilder("""{"format":"serverless-quality.canonical","version":1,"deliveryId":"night-001","pipeline":"scenario","vendor":"acme","taxonomy":{"name":"none","version":"0.0.0"},"dataTypes":["frame-tags","cuboids-3d"],"metadata":{"site":"sofia"}}""").Append('\n');
        for (var i = 0; i < 60; i++)
        {
            var night = i % 3 == 0;
            text.Append(CultureInfo.InvariantCulture, $$"""{"item":"s-{{i}}","annotator":"gold","role":"gold","field":"time_of_day","label":"{{(night ? "night" : "day")}}"}""").Append('\n');
            for (var k = 0; k < 4; k++)
            {
                text.Append(Car(i, "gold", "gold", k)).Append('\n');
                for (var a = 0; a < 3; a++)
                {
                    if (night ? ((i / 3) + k + a) % 3 != 0 : (i + k + a) % 12 != 0)
                    {
                        text.Append(Car(i, $"ann-{a}", "annotator", k)).Append('\n');
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string Car(int item, string annotator, string role, int k) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"item":"s-{{{item}}}","annotator":"{{{annotator}}}","role":"{{{role}}}","id":"{{{annotator}}}-{{{k}}}","label":"car","geometry":{"type":"cuboid","x":{{{10 + (15 * k)}}},"y":0,"z":0,"length":4.5,"width":1.9,"height":1.6,"yaw":0}}""");
}
