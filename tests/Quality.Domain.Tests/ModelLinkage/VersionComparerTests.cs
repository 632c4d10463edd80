using Quality.Domain.Audit;
using Quality.Domain.ModelLinkage;

namespace Quality.Domain.Tests.ModelLinkage;

public sealed class VersionComparerTests
{
    /// <summary>
    /// v1 trained on d1; v2 on d1 and d2. Gold errors per class (errors of gold): d1 pedestrian 5/100, truck 3/50,
    /// car 2/100, cyclist 4/40; d2 pedestrian 20/100, truck 5/50, car 2/100, cyclist 4/40. Recall v1 → v2: pedestrian
    /// 0.86 → 0.78, truck 0.89 → 0.87, car 0.92 → 0.91, cyclist 0.81 → 0.82.
    /// Newcombe's method 10 (the Wilson intervals computed in Python 3.11 with NormalDist().inv_cdf(0.975)):
    /// pedestrian 0.20 − 0.05 = 0.15 [0.059153502962011495, 0.24327584283214165] — above 0, explained;
    /// truck 0.10 − 0.06 = 0.04 [−0.07676423000151847, 0.1602358781392738] — rose, not significant;
    /// car 0.02 − 0.02 = 0 — not worse, not explained; cyclist's recall rose — no drop.
    /// </summary>
    [Fact]
    public void Compare_PlantedPedestrianLabelErrors_RankPedestrianFirst()
    {
        var comparison = VersionComparer.Compare(Evaluation("v1", ["d1"], 0.86, 0.89, 0.92, 0.81), Evaluation("v2", ["d1", "d2"], 0.78, 0.87, 0.91, 0.82),
            [Delivery("d1", 5, 3, 2, 4), Delivery("d2", 20, 5, 2, 4)]);

        Assert.Equal(["pedestrian", "truck", "car", "cyclist"], comparison.Classes.Select(c => c.Class));
        Assert.Equal([LabelExplanation.Explained, LabelExplanation.NotSignificant, LabelExplanation.NotExplained, LabelExplanation.NoDrop],
            comparison.Classes.Select(c => c.Explanation));
        var pedestrian = comparison.Classes[0];
        Assert.Equal(1, pedestrian.Rank);
        Assert.Equal(0.15, pedestrian.LabelErrors.Difference!.Value, 12);
        Assert.Equal(0.059153502962011495, pedestrian.LabelErrors.DifferenceCi95![0], 12);
        Assert.Equal(0.24327584283214165, pedestrian.LabelErrors.DifferenceCi95![1], 12);
        Assert.Equal(-0.07676423000151847, comparison.Classes[1].LabelErrors.DifferenceCi95![0], 12);
        Assert.Equal(-0.08, pedestrian.Metrics["recall"].Delta!.Value, 12);
        Assert.Equal(["d2"], comparison.Training.Added.Select(d => d.DeliveryId));
        Assert.Equal("d2", Assert.Single(pedestrian.Deliveries).DeliveryId);
        Assert.StartsWith("m v1 → v2: pedestrian ranks first — recall 0.860 → 0.780 (−0.080)", comparison.Verdict, StringComparison.Ordinal);
        Assert.Contains("not proof", comparison.Verdict, StringComparison.Ordinal);
    }

    /// <summary>
    /// Recall over 100 evaluation objects each: 86/100 → 78/100, Newcombe's interval of 0.78 − 0.86 (Python, as above)
    /// [−0.18593971239148405, 0.027329343723272406]; average precision has no counts, so no interval.
    /// </summary>
    [Fact]
    public void Compare_RecallWithObjectCounts_HasNewcombeInterval()
    {
        var comparison = VersionComparer.Compare(Evaluation("v1", ["d1"], 0.86, 0.89, 0.92, 0.81), Evaluation("v2", ["d1", "d2"], 0.78, 0.87, 0.91, 0.82),
            [Delivery("d1", 5, 3, 2, 4), Delivery("d2", 20, 5, 2, 4)]);

        var recall = comparison.Classes[0].Metrics["recall"];
        Assert.Equal(-0.18593971239148405, recall.DeltaCi95![0], 12);
        Assert.Equal(0.027329343723272406, recall.DeltaCi95![1], 12);
        Assert.Null(comparison.Classes[0].Metrics["ap"].DeltaCi95);
        Assert.NotNull(comparison.Classes[0].Metrics["ap"].CiUndefinedReason);
    }

    [Fact]
    public void Compare_NamedDeliveryWithoutAudit_IsListedAsNotFound()
    {
        var comparison = VersionComparer.Compare(Evaluation("v1", ["d1"], 0.86, 0.89, 0.92, 0.81), Evaluation("v2", ["d1", "d9"], 0.78, 0.87, 0.91, 0.82),
            [Delivery("d1", 5, 3, 2, 4)]);

        Assert.Equal(["d9"], comparison.Training.NotFound);
        Assert.All(comparison.Classes, c => Assert.NotEqual(LabelExplanation.Explained, c.Explanation));
    }

    /// <summary>A pipeline's date range holds the deliveries dated inside it, bounds included, and none without a date.</summary>
    [Fact]
    public void PipelineRange_Includes_DaysInsideInclusive()
    {
        var range = new PipelineRange("front", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10));

        Assert.True(range.Includes(new TrainingDelivery("front", null, "a", new DateOnly(2026, 11, 1))));
        Assert.True(range.Includes(new TrainingDelivery("front", null, "b", new DateOnly(2026, 11, 10))));
        Assert.False(range.Includes(new TrainingDelivery("front", null, "c", new DateOnly(2026, 11, 11))));
        Assert.False(range.Includes(new TrainingDelivery("rear", null, "d", new DateOnly(2026, 11, 5))));
        Assert.False(range.Includes(new TrainingDelivery("front", null, "e", null)));
        Assert.True(new PipelineRange("front", null, null).Includes(new TrainingDelivery("front", null, "e", null)));
    }

    /// <summary>
    /// Rows gold car, pedestrian, none; columns car, pedestrian, missed. Car: 8 right, 1 called pedestrian, 1 missed →
    /// gold 10, missed 1, misclassified 1. Pedestrian: 5 right, 3 missed → gold 8, missed 3, misclassified 0.
    /// </summary>
    [Fact]
    public void ClassLabelErrors_FromConfusion_CountsMissedAndMisclassifiedPerGoldObject()
    {
        var errors = ClassLabelErrors.From(new ConfusionView(["car", "pedestrian", "none"], ["car", "pedestrian", "missed"], [[8, 1, 1], [0, 5, 3], [2, 0, 0]]));

        Assert.Equal(new ClassLabelErrors(10, 1, 1), errors["car"]);
        Assert.Equal(new ClassLabelErrors(8, 3, 0), errors["pedestrian"]);
        Assert.False(errors.ContainsKey("none"));
    }

    private static ModelEvaluation Evaluation(string version, string[] deliveries, double pedestrian, double truck, double car, double cyclist) => new()
    {
        Model = "m",
        Version = version,
        EvaluatedAt = new DateTimeOffset(2026, 11, version == "v1" ? 1 : 8, 0, 0, 0, TimeSpan.Zero),
        EvaluationSet = new EvaluationSet("val", 500),
        TrainedOn = new TrainingData(deliveries, []),
        Classes = new Dictionary<string, ClassMetrics>
        {
            ["pedestrian"] = new(0.7, pedestrian, 0.8, 100),
            ["truck"] = new(0.7, truck, 0.8, 100),
            ["car"] = new(0.7, car, 0.8, 100),
            ["cyclist"] = new(0.7, cyclist, 0.8, 100),
        },
    };

    private static TrainingDelivery Delivery(string id, long pedestrian, long truck, long car, long cyclist) => new("front", "acme", id, null)
    {
        Classes = new Dictionary<string, ClassLabelErrors>
        {
            ["pedestrian"] = new(100, pedestrian, 0),
            ["truck"] = new(50, truck, 0),
            ["car"] = new(100, car, 0),
            ["cyclist"] = new(40, cyclist, 0),
        },
    };
}
