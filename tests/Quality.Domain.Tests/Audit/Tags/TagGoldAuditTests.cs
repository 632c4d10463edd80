using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;
using Quality.Domain.Formats;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Audit.Tags;

public sealed class TagGoldAuditTests
{
    [Fact]
    public void Score_TinyDelivery_AccuracyWilsonKappaAndMissingByHand()
    {
        var audit = new TagGoldAudit();
        // Gold weather: f1 fog, f2 fog, f3 rain, f4 rain. a tags fog, fog, rain, fog. b tags fog, fog, rain and leaves
        // f4's weather empty (it tagged f4's light, so it worked the item: missing). c tags only f5, which has no gold.
        string[] gold = ["fog", "fog", "rain", "rain"];
        string[] a = ["fog", "fog", "rain", "fog"];
        string?[] b = ["fog", "fog", "rain", null];
        for (var i = 0; i < 4; i++)
        {
            var item = $"f{i + 1}";
            List<Annotation> annotations = [Tag(item, "key", "weather", gold[i], AnnotatorRole.Gold), Tag(item, "a", "weather", a[i]), Tag(item, "b", "light", "day")];
            if (b[i] is { } value)
            {
                annotations.Add(Tag(item, "b", "weather", value));
            }

            audit.AddItem("d.jsonl", annotations);
        }

        audit.AddItem("d.jsonl", [Tag("f5", "c", "weather", "fog")]);

        var view = TagGoldView.From(audit);
        var weather = view.Fields["weather"];
        Assert.Equal(["weather"], view.Fields.Keys);
        Assert.Equal(["a", "b"], weather.PerAnnotator.Keys.Order(StringComparer.Ordinal));

        // a: 3 of 4. Wilson (z = 1.959964, z² = 3.841459): centre 0.75 + z²/8 = 1.230182, half-width
        // z·√(0.75·0.25/4 + z²/64) = 0.640816, denominator 1 + z²/4 = 1.960365 → [0.300642, 0.954413].
        // Kappa: p_o = 3/4; gold margins fog 1/2, rain 1/2; a's margins fog 3/4, rain 1/4; p_e = 3/8 + 1/8 = 1/2; κ = 1/2.
        var scoreA = weather.PerAnnotator["a"];
        Assert.Equal((4L, 3L, 0L), (scoreA.Compared, scoreA.Correct, scoreA.Missing));
        Assert.Equal(0.75, scoreA.Accuracy);
        Assert.Equal(0.300642, scoreA.AccuracyCi95![0], 6);
        Assert.Equal(0.954413, scoreA.AccuracyCi95[1], 6);
        Assert.Equal(0.5, scoreA.Kappa!.Value, 12);

        // b: the missing tag is wrong for accuracy (3 of 4) and left out of kappa: 3 tagged, all right, κ = 1.
        var scoreB = weather.PerAnnotator["b"];
        Assert.Equal((4L, 3L, 1L), (scoreB.Compared, scoreB.Correct, scoreB.Missing));
        Assert.Equal(1.0, scoreB.Kappa!.Value, 12);
        Assert.Equal(["fog", "rain"], scoreB.Confusion.Rows);
        Assert.Equal(["fog", "rain", "missing"], scoreB.Confusion.Columns);
        Assert.Equal([[2L, 0L, 0L], [0L, 1L, 1L]], scoreB.Confusion.Counts);

        // Pooled: 6 of 8 [Wilson 0.409275, 0.928521]. Kappa over the 7 tagged pairs: p_o = 6/7; gold fog 4, rain 3;
        // tagged fog 5, rain 2; p_e = (4·5 + 3·2)/49 = 26/49; κ = (42/49 − 26/49)/(23/49) = 16/23.
        Assert.Equal((8L, 6L, 1L), (weather.Overall.Compared, weather.Overall.Correct, weather.Overall.Missing));
        Assert.Equal(0.409275, weather.Overall.AccuracyCi95![0], 6);
        Assert.Equal(0.928521, weather.Overall.AccuracyCi95[1], 6);
        Assert.Equal(16.0 / 23, weather.Overall.Kappa!.Value, 12);
    }

    [Theory]
    // irrCAC README, cont3x3abstractors (statistics-vectors.md §3.4): kappa2.table 0.7964094, SE 0.05891072. The Wald
    // interval κ ± 1.959964·SE = [0.680947, 0.911872].
    [InlineData(new long[] { 13, 0, 0, 0, 20, 7, 0, 4, 56 }, 0.7964094, 0.05891072, 0.680947, 0.911872, 6)]
    // SAS PROC FREQ via statsmodels test_inter_rater (statistics-vectors.md §3.2): Kappa 0.4842, ASE 0.1380, 95% CI
    // 0.2137 to 0.7547.
    [InlineData(new long[] { 0, 4, 1, 0, 8, 0, 0, 1, 5 }, 0.4842, 0.1380, 0.2137, 0.7547, 4)]
    public void Kappa_PublishedTables_KappaStandardErrorAndInterval(long[] table, double kappa, double standardError, double lower, double upper, int digits)
    {
        // Rows are gold, columns the annotator: one item per count.
        string[] values = ["v1", "v2", "v3"];
        var audit = new TagGoldAudit();
        var item = 0;
        for (var cell = 0; cell < 9; cell++)
        {
            for (var n = 0; n < table[cell]; n++, item++)
            {
                audit.AddItem("d", [Tag($"f{item}", "key", "x", values[cell / 3], AnnotatorRole.Gold), Tag($"f{item}", "a", "x", values[cell % 3])]);
            }
        }

        var score = TagGoldView.From(audit).Fields["x"].PerAnnotator["a"];

        Assert.Equal(kappa, score.Kappa!.Value, digits);
        Assert.Equal(standardError, score.KappaStandardError!.Value, digits);
        Assert.Equal(lower, score.KappaCi95![0], digits);
        Assert.Equal(upper, score.KappaCi95[1], digits);
    }

    [Fact]
    public void Merge_ShardsInAnyOrder_EqualsOnePass()
    {
        var random = new Random(19);
        string[] values = ["clear", "fog", "rain", "snow"];
        var whole = new TagGoldAudit();
        var shards = new[] { new TagGoldAudit(), new TagGoldAudit(), new TagGoldAudit() };
        for (var i = 0; i < 300; i++)
        {
            var item = $"f{i}";
            var gold = values[random.Next(values.Length)];
            List<Annotation> annotations = i % 3 == 0 ? [Tag(item, "key", "weather", gold, AnnotatorRole.Gold)] : [];
            foreach (var annotator in new[] { "a", "b", "c" })
            {
                annotations.Add(Tag(item, annotator, "road", "urban"));
                if (random.NextDouble() < 0.9)
                {
                    annotations.Add(Tag(item, annotator, "weather", random.NextDouble() < 0.7 ? gold : values[random.Next(values.Length)]));
                }
            }

            whole.AddItem("d", annotations);
            shards[random.Next(shards.Length)].AddItem("d", annotations);
        }

        var forward = TagGoldAudit.FromState(shards[0].ToState());
        forward.Merge(TagGoldAudit.FromState(shards[1].ToState()));
        forward.Merge(TagGoldAudit.FromState(shards[2].ToState()));
        var backward = TagGoldAudit.FromState(shards[2].ToState());
        backward.Merge(shards[0]);
        backward.Merge(shards[1]);

        Assert.Equal(whole.ToState().Cells, forward.ToState().Cells);
        Assert.Equivalent(TagGoldView.From(whole), TagGoldView.From(forward), strict: true);
        Assert.Equivalent(TagGoldView.From(whole), TagGoldView.From(backward), strict: true);
        Assert.Equal(100, TagGoldView.From(whole).Fields["weather"].PerAnnotator["a"].Compared);
    }

    [Fact]
    public void Score_OneValueThroughout_AccuracyOneKappaUndefinedWithTheReason()
    {
        var audit = new TagGoldAudit();
        for (var i = 0; i < 5; i++)
        {
            audit.AddItem("d", [Tag($"f{i}", "key", "light", "day", AnnotatorRole.Gold), Tag($"f{i}", "a", "light", "day")]);
        }

        var score = TagGoldView.From(audit).Fields["light"].PerAnnotator["a"];

        // 5 of 5 right: Wilson's upper bound is 1 and its lower bound (n/(n + z²)) 5/8.841459 = 0.565518.
        Assert.Equal((1.0, 0.565518, 1.0), (score.Accuracy, Math.Round(score.AccuracyCi95![0], 6), score.AccuracyCi95[1]));
        // Gold and annotator used one value only: p_e = 1, kappa 0/0.
        Assert.Null(score.Kappa);
        Assert.Null(score.KappaCi95);
        Assert.Contains("p_e is 1", score.KappaUndefinedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddItem_GoldTaggingAFieldTwice_IsAnErrorNamingBothLines()
    {
        var error = Assert.Throws<DeliveryFormatException>(() => new TagGoldAudit().AddItem("d.jsonl",
            [Tag("f1", "key", "weather", "fog", AnnotatorRole.Gold, line: 4), Tag("f1", "key", "weather", "rain", AnnotatorRole.Gold, line: 8)]));

        Assert.Equal(("d.jsonl", 8L, "field"), (error.File, error.Line, error.Field));
        Assert.Contains("on line 4", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AddItem_TwoGoldKeys_ComparedWhereTheyAgreeAndNotWhereTheyDisagree()
    {
        var audit = new TagGoldAudit();
        // Both keys say fog on f1 (one reference); on f2 one says fog, the other rain: no reference, a is not scored there.
        audit.AddItem("d.jsonl", [Tag("f1", "key-1", "weather", "fog", AnnotatorRole.Gold), Tag("f1", "key-2", "weather", "fog", AnnotatorRole.Gold), Tag("f1", "a", "weather", "fog")]);
        audit.AddItem("d.jsonl", [Tag("f2", "key-1", "weather", "fog", AnnotatorRole.Gold), Tag("f2", "key-2", "weather", "rain", AnnotatorRole.Gold), Tag("f2", "a", "weather", "rain")]);

        var score = TagGoldView.From(audit).Fields["weather"].PerAnnotator["a"];

        Assert.Equal((1L, 1L, 0L), (score.Compared, score.Correct, score.Missing));
    }

    [Fact]
    public async Task CameraSample_AgreesWithAnIndependentComputation()
    {
        await using var delivery = File.OpenRead(Repository.Sample("front-camera-tags.jsonl"));
        var audit = await DeliveryAuditor.AuditAsync(delivery, "front-camera-tags.jsonl", CancellationToken.None);
        var view = TagGoldView.From(audit.Result.TagGold);

        // A short Python script (plain counting, Cohen's kappa with the Fleiss–Cohen–Everitt SE, Wilson), run once:
        //   road_type ann-01: n 30 correct 29 missing 0 accuracy 0.966667 [0.833296, 0.994091] kappa 0.954058 se 0.045024
        //   time_of_day ann-03: n 30 correct 21 missing 0 accuracy 0.700000 [0.521242, 0.833353] kappa 0.511754 se 0.126038
        //   time_of_day all: n 90 correct 70 missing 3 accuracy 0.777778 [0.681527, 0.851287] kappa 0.675231 se 0.068112
        //   weather ann-03: n 30 correct 20 missing 3 accuracy 0.666667 [0.487801, 0.807695] kappa 0.533333 se 0.139547
        //   weather all: n 90 correct 72 missing 6 accuracy 0.800000 [0.705863, 0.869576] kappa 0.745390 se 0.063311
        //   road_type all: kappa 0.863498 (the highest pooled kappa; time_of_day's is the lowest)
        AssertScore(view.Fields["road_type"].PerAnnotator["ann-01"], 30, 29, 0, 0.833296, 0.994091, 0.954058, 0.045024);
        AssertScore(view.Fields["time_of_day"].PerAnnotator["ann-03"], 30, 21, 0, 0.521242, 0.833353, 0.511754, 0.126038);
        AssertScore(view.Fields["time_of_day"].Overall, 90, 70, 3, 0.681527, 0.851287, 0.675231, 0.068112);
        AssertScore(view.Fields["weather"].PerAnnotator["ann-03"], 30, 20, 3, 0.487801, 0.807695, 0.533333, 0.139547);
        AssertScore(view.Fields["weather"].Overall, 90, 72, 6, 0.705863, 0.869576, 0.745390, 0.063311);
        Assert.Equal(0.863498, view.Fields["road_type"].Overall.Kappa!.Value, 6);
        Assert.Equal("time_of_day", view.WeakestField);
    }

    private static void AssertScore(TagScoreView score, long compared, long correct, long missing, double lower, double upper, double kappa, double standardError)
    {
        Assert.Equal((compared, correct, missing), (score.Compared, score.Correct, score.Missing));
        Assert.Equal((double)correct / compared, score.Accuracy!.Value, 12);
        Assert.Equal(lower, score.AccuracyCi95![0], 6);
        Assert.Equal(upper, score.AccuracyCi95[1], 6);
        Assert.Equal(kappa, score.Kappa!.Value, 6);
        Assert.Equal(standardError, score.KappaStandardError!.Value, 6);
    }

    private static Annotation Tag(string item, string annotator, string field, string label, AnnotatorRole role = AnnotatorRole.Annotator, long line = 2) =>
        new(item, annotator, role, field, label, line);
}
