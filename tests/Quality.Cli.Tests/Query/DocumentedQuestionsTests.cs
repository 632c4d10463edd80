using System.Text.Json;
using Quality.Domain.Matching;

namespace Quality.Cli.Tests.Query;

/// <summary>
/// Each of docs/query.md's ten questions, run with <c>quality query</c> as the page writes it, over the facts of the
/// two samples and the night delivery (<see cref="SampleFacts"/>). Answers are checked against what is known without
/// the facts: <c>quality audit --json</c> of the same files, the samples' documented figures (samples/README.md), tags
/// counted straight from the delivery lines (<see cref="TagReference"/>), the night delivery's construction, and the
/// Wilson interval of <see cref="WilsonScoreInterval"/> (checked against R's binom.confint).
/// </summary>
public sealed class DocumentedQuestionsTests(SampleFacts facts) : IClassFixture<SampleFacts>
{
    private const int Digits = 12;

    /// <summary>Means summed in another order (DuckDB's parallel avg, the audit's accumulators) agree to about 1e-12 of their size.</summary>
    private const int MeanDigits = 10;

    private static long Int(JsonElement row, string column) => row.GetProperty(column).GetInt64();

    private static double Number(JsonElement row, string column) => row.GetProperty(column).GetDouble();

    private static string? Text(JsonElement row, string column) => row.GetProperty(column).ValueKind == JsonValueKind.Null ? null : row.GetProperty(column).ToString();

    /// <summary>The audits' figure summed over their annotators: overall tp, misclassified, fn, fp.</summary>
    private long Overall(string figure) => facts.LidarAudit.GetProperty("audit").GetProperty("overall").GetProperty(figure).GetInt64()
        + facts.NightAudit.GetProperty("audit").GetProperty("overall").GetProperty(figure).GetInt64();

    private IEnumerable<(string Annotator, JsonElement Figures)> PerAnnotator() =>
        new[] { facts.LidarAudit, facts.NightAudit }.SelectMany(a => a.GetProperty("audit").GetProperty("perAnnotator").EnumerateObject().Select(p => (p.Name, p.Value)));

    private IEnumerable<(string Class, JsonElement Figures)> PerClass() =>
        new[] { facts.LidarAudit, facts.NightAudit }.SelectMany(a => a.GetProperty("audit").GetProperty("perClass").EnumerateObject().Select(p => (p.Name, p.Value)));

    private static void AssertWilson(long successes, long trials, JsonElement row, string lower, string upper)
    {
        var expected = WilsonScoreInterval.Compute(successes, trials);
        Assert.Equal(expected.Lower, Number(row, lower), Digits);
        Assert.Equal(expected.Upper, Number(row, upper), Digits);
    }

    [Fact]
    public void Page_HasTenQuestions()
    {
        Assert.Equal(10, DocumentedQueries.All.Count);
    }

    [Fact]
    public async Task Question1_MissRateByClassAndAnnotator_AddsUpToTheAuditsMissesPerAnnotatorAndPerClass()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(1));

        // Per annotator: missed = the audit's fn, gold objects compared = tp + misclassified + fn.
        foreach (var (annotator, figures) in PerAnnotator())
        {
            var mine = rows.Where(r => Text(r, "annotator") == annotator).ToList();
            Assert.Equal(figures.GetProperty("fn").GetInt64(), mine.Sum(r => Int(r, "missed")));
            Assert.Equal(figures.GetProperty("tp").GetInt64() + figures.GetProperty("misclassified").GetInt64() + figures.GetProperty("fn").GetInt64(),
                mine.Sum(r => Int(r, "gold_objects")));
        }

        // Per class: missed = the audits' per-class fn.
        foreach (var group in PerClass().GroupBy(c => c.Class))
        {
            Assert.Equal(group.Sum(c => c.Figures.GetProperty("fn").GetInt64()), rows.Where(r => Text(r, "class") == group.Key).Sum(r => Int(r, "missed")));
        }

        // samples/README.md: ann-02 has the most misses.
        Assert.Equal("ann-02", rows.GroupBy(r => Text(r, "annotator")).MaxBy(g => g.Sum(r => Int(r, "missed")))!.Key);
        foreach (var row in rows)
        {
            Assert.Equal((double)Int(row, "missed") / Int(row, "gold_objects"), Number(row, "miss_rate"), Digits);
            AssertWilson(Int(row, "missed"), Int(row, "gold_objects"), row, "miss_rate_lower", "miss_rate_upper");
        }
    }

    [Fact]
    public async Task Question2_MisclassificationsMostlyOnePair_IsAnn03sFortyCyclistsLabeledPedestrian()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(2));

        // samples/README.md: ann-03 labels every cyclist a pedestrian, 40 misclassifications; the audit has no other
        // annotator with any (perAnnotator.misclassified).
        var row = Assert.Single(rows);
        Assert.Equal(("ann-03", "cyclist", "pedestrian"), (Text(row, "annotator"), Text(row, "gold_class"), Text(row, "annotator_class")));
        Assert.Equal((40L, 40L, 1.0), (Int(row, "n"), Int(row, "misclassified"), Number(row, "share")));
        Assert.Equal([("ann-03", 40L)], PerAnnotator().Where(a => a.Figures.GetProperty("misclassified").GetInt64() > 0)
            .Select(a => (a.Annotator, a.Figures.GetProperty("misclassified").GetInt64())));
    }

    [Fact]
    public async Task Question3_ErrorRateByTimeOfDay_IsTheTagsAgainstGoldCountedFromTheLines()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(3));

        var expected = TagReference.Read(facts.TagFiles).GroupBy(h => h.TimeOfDay)
            .ToDictionary(g => g.Key!, g => (Held: (long)g.Count(), Wrong: (long)g.Count(h => !h.Correct)));
        Assert.Equal(expected.Keys.Order(), rows.Select(r => Text(r, "time_of_day")!).Order());
        foreach (var row in rows)
        {
            var (held, wrong) = expected[Text(row, "time_of_day")!];
            Assert.Equal((held, wrong), (Int(row, "tags_with_gold"), Int(row, "wrong")));
            Assert.Equal((double)wrong / held, Number(row, "error_rate"), Digits);
            AssertWilson(wrong, held, row, "error_rate_lower", "error_rate_upper");
        }

        // The night delivery's one night tag is wrong ("dusk"), its day tag right: they count with the camera sample's.
        Assert.Contains(rows, r => Text(r, "time_of_day") == "night");
        Assert.Equal(Enumerable.Range(0, rows.Count - 1).Select(_ => true), rows.Zip(rows.Skip(1), (a, b) => Number(a, "error_rate") >= Number(b, "error_rate")));
    }

    [Fact]
    public async Task Question4_IouPerClass_MatchesTheAuditsMeanIou()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(4));

        // Every matched pair once: tp + misclassified of both audits (745 + 40 + 2 = 787).
        Assert.Equal(Overall("tp") + Overall("misclassified"), rows.Sum(r => Int(r, "matched")));
        Assert.Equal(787, rows.Sum(r => Int(r, "matched")));
        // Cars and trucks are never misclassified, so their pairs are the audits' per-class tp and mean IoU; the night
        // delivery's two cars are drawn exactly (IoU 1).
        foreach (var name in new[] { "car", "truck" })
        {
            var audits = PerClass().Where(c => c.Class == name).Select(c => (Tp: c.Figures.GetProperty("tp").GetInt64(), Mean: c.Figures.GetProperty("meanIou").GetDouble())).ToList();
            var row = rows.Single(r => Text(r, "class") == name);
            Assert.Equal(audits.Sum(a => a.Tp), Int(row, "matched"));
            Assert.Equal(audits.Sum(a => a.Tp * a.Mean) / audits.Sum(a => a.Tp), Number(row, "mean_iou"), MeanDigits);
        }

        // All classes together: the audits' overall mean IoU, over tp + misclassified.
        var lidar = facts.LidarAudit.GetProperty("audit").GetProperty("overall");
        var lidarPairs = lidar.GetProperty("tp").GetInt64() + lidar.GetProperty("misclassified").GetInt64();
        Assert.Equal(((lidarPairs * lidar.GetProperty("meanIou").GetDouble()) + (2 * 1.0)) / (lidarPairs + 2),
            rows.Sum(r => Int(r, "matched") * Number(r, "mean_iou")) / rows.Sum(r => Int(r, "matched")), MeanDigits);
        Assert.All(rows, r => Assert.True(Number(r, "min_iou") <= Number(r, "p10") && Number(r, "p10") <= Number(r, "median") && Number(r, "median") <= Number(r, "p90")));
    }

    [Fact]
    public async Task Question5_HighestExtraRate_IsTheLidarSamplesExtrasPerObjectDrawn()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(5));

        // The camera sample has no objects, so no row. Lidar: 57 extras (fp) of tp + misclassified + fp = 842 drawn.
        Assert.Equal(["2026-11-26-lidar-001", "2026-11-27-lidar-night"], rows.Select(r => Text(r, "delivery_id")));
        var lidar = facts.LidarAudit.GetProperty("audit").GetProperty("overall");
        Assert.Equal((842L, 57L), (Int(rows[0], "objects_drawn"), Int(rows[0], "extra")));
        Assert.Equal(lidar.GetProperty("fp").GetInt64(), Int(rows[0], "extra"));
        Assert.Equal(57.0 / 842, Number(rows[0], "extra_rate"), Digits);
        // The audit's precision counts misclassified pairs against the annotator too: 1 − precision = (57 + 40) / 842.
        Assert.Equal(1 - lidar.GetProperty("precision").GetDouble(), (57.0 + lidar.GetProperty("misclassified").GetInt64()) / Int(rows[0], "objects_drawn"), Digits);
        Assert.Equal((2L, 0L, 0.0), (Int(rows[1], "objects_drawn"), Int(rows[1], "extra"), Number(rows[1], "extra_rate")));
    }

    [Fact]
    public async Task Question6_TagAccuracyPerFieldAndAnnotator_IsTheTagsAgainstGoldCountedFromTheLines()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(6));

        var expected = TagReference.Read(facts.TagFiles).GroupBy(h => (h.Field, h.Annotator))
            .ToDictionary(g => g.Key, g => (Held: (long)g.Count(), Correct: (long)g.Count(h => h.Correct)));
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            var (held, correct) = expected[(Text(row, "field")!, Text(row, "annotator")!)];
            Assert.Equal((held, correct), (Int(row, "tags_with_gold"), Int(row, "correct")));
            Assert.Equal((double)correct / held, Number(row, "accuracy"), Digits);
            AssertWilson(correct, held, row, "accuracy_lower", "accuracy_upper");
        }

        // 261 annotator tags on the camera sample's 30 gold frames (90 possible per annotator, about 3% missing) + ann-11's 2.
        Assert.Equal(263, rows.Sum(r => Int(r, "tags_with_gold")));
    }

    [Fact]
    public async Task Question7_FarMissesAtNight_AreTheNightDeliverysOnePedestrian()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(7));

        // By construction: the pedestrian at (45, 5) missed at night, 45.28 m out; the day sweep's 60 m miss is not at
        // night, and the lidar sample has no time_of_day tags.
        var row = Assert.Single(rows);
        Assert.Equal(("2026-11-27-lidar-night", "sweep-n1", "ann-11", "g-n1-ped", "pedestrian"),
            (Text(row, "delivery_id"), Text(row, "item"), Text(row, "annotator"), Text(row, "gold_object"), Text(row, "class")));
        Assert.Equal(Math.Round(Math.Sqrt((45 * 45) + (5 * 5)), 1), Number(row, "range_m"));
    }

    [Fact]
    public async Task Question8_MissRateByDay_HasEachDeliverysDayWithItsAuditsMisses()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(8));

        // Gold objects compared = Σ annotators (tp + misclassified + fn): 852 on the lidar sample (3 × 284), 4 at night.
        Assert.Equal(["2026-11-26", "2026-11-27"], rows.Select(r => Text(r, "date")));
        var lidar = facts.LidarAudit.GetProperty("audit").GetProperty("overall");
        var lidarGold = lidar.GetProperty("tp").GetInt64() + lidar.GetProperty("misclassified").GetInt64() + lidar.GetProperty("fn").GetInt64();
        Assert.Equal((852L, 852L, 67L), (lidarGold, Int(rows[0], "gold_objects"), Int(rows[0], "missed")));
        Assert.Equal(67.0 / 852, Number(rows[0], "miss_rate"), Digits);
        Assert.Equal((4L, 2L, 0.5), (Int(rows[1], "gold_objects"), Int(rows[1], "missed"), Number(rows[1], "miss_rate")));
    }

    [Fact]
    public async Task Question9_Vendors_SideBySide_FromTheAuditsAndTheTagLines()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(9));

        Assert.Equal(["acme-labeling", "zenith-annotations"], rows.Select(r => Text(r, "vendor")));
        var (acme, zenith) = (rows[0], rows[1]);
        var cameraTags = TagReference.Read([facts.TagFiles[0]]);
        Assert.Equal((852L, 57L, (long)cameraTags.Count), (Int(acme, "gold_objects"), Int(acme, "extra"), Int(acme, "tags_with_gold")));
        Assert.Equal(67.0 / 852, Number(acme, "miss_rate"), Digits);
        Assert.Equal(40.0 / 852, Number(acme, "misclassification_rate"), Digits);
        Assert.Equal((double)cameraTags.Count(t => t.Correct) / cameraTags.Count, Number(acme, "tag_accuracy"), Digits);
        Assert.Equal((4L, 0.5, 0.0, 0L, 2L, 0.5),
            (Int(zenith, "gold_objects"), Number(zenith, "miss_rate"), Number(zenith, "misclassification_rate"), Int(zenith, "extra"), Int(zenith, "tags_with_gold"), Number(zenith, "tag_accuracy")));
    }

    [Fact]
    public async Task Question10_EvidenceOfOneFinding_IsTheFortyMisclassifiedCyclists()
    {
        var rows = await facts.QueryAsync(DocumentedQueries.Question(10));

        // samples/README.md: ann-03's 40 misclassifications, every one a cyclist; each a different gold cyclist.
        Assert.Equal(40, rows.Count);
        Assert.Equal(40, rows.Select(r => Text(r, "gold_object")).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(("cyclist", "pedestrian"), (Text(r, "gold_class"), Text(r, "annotator_class"))));
        Assert.Single(rows.Select(r => Text(r, "batch_id")).Distinct());
        Assert.All(rows, r => Assert.StartsWith("ann-03-", Text(r, "annotator_object"), StringComparison.Ordinal));
    }
}
