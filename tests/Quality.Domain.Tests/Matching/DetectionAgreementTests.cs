using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

public sealed class DetectionAgreementTests
{
    private static readonly MatchingThresholds Thresholds = new();

    [Fact]
    public void Compare_ByHand_F1AndMeanSimilarityOfTheOptimalMatching()
    {
        // The greedy trap plus one object only the first annotator drew: the optimum matches 2 pairs at 0.8 each.
        double[,] iou = { { 0.9, 0.8 }, { 0.8, 0.1 }, { 0, 0 } };

        var agreement = DetectionAgreement.Compare(["car", "car", "car"], ["car", "car"], (i, j) => iou[i, j], new MatchingThresholds { Default = 0.05 });

        Assert.Equal(2, agreement.Matches);
        Assert.Equal(2.0 * 2 / (3 + 2), agreement.F1, 1e-12);
        Assert.Equal(0.8, agreement.MeanSimilarity, 1e-9);
    }

    [Fact]
    public void Compare_PerClass_CountsOnlySameClassPairs()
    {
        // Both objects matched; one pair agrees on car, the other is car vs truck.
        var agreement = DetectionAgreement.Compare(["car", "car"], ["car", "truck"], (i, j) => i == j ? 0.9 : 0, Thresholds);

        Assert.Equal(1.0, agreement.F1);
        Assert.Equal(2.0 * 1 / (2 + 1), agreement.ClassF1("car"), 1e-12);
        Assert.Equal(0.0, agreement.ClassF1("truck"));
        Assert.True(double.IsNaN(agreement.ClassF1("bus")));
        Assert.Equal(["car", "truck"], agreement.Classes);
    }

    [Fact]
    public void Compare_ThresholdIsTheLargerOfTheTwoClasses_SoSwappingAnnotatorsChangesNothing()
    {
        var thresholds = new MatchingThresholds { ByClass = new Dictionary<string, double> { ["car"] = 0.7 } };

        var forward = DetectionAgreement.Compare(["car"], ["pedestrian"], (_, _) => 0.6, thresholds);
        var backward = DetectionAgreement.Compare(["pedestrian"], ["car"], (_, _) => 0.6, thresholds);

        Assert.Equal(0, forward.Matches);
        Assert.Equal(0, backward.Matches);
    }

    [Fact]
    public void Merge_Items_AddsCounts()
    {
        var total = DetectionAgreement.Compare(["car"], ["car"], (_, _) => 0.9, Thresholds);
        total.Merge(DetectionAgreement.Compare(["car", "car"], [], (_, _) => 0, Thresholds));
        total.Merge(DetectionAgreement.Compare([], [], (_, _) => 0, Thresholds));

        Assert.Equal((3L, 1L, 1L), (total.FirstObjects, total.SecondObjects, total.Matches));
        Assert.Equal(2.0 / 4, total.F1, 1e-12);
        Assert.Equal(0.9, total.MeanSimilarity, 1e-9);
    }

    [Fact]
    public void Compare_NothingLabeled_IsNotDefined()
    {
        var agreement = DetectionAgreement.Compare([], [], (_, _) => 0, Thresholds);

        Assert.True(double.IsNaN(agreement.F1) && double.IsNaN(agreement.MeanSimilarity));
    }
}
