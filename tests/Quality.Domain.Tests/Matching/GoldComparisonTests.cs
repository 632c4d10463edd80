using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

public sealed class GoldComparisonTests
{
    private static readonly MatchingThresholds Thresholds = new();

    [Fact]
    public void Compare_WrongClassOnAMatchedObject_IsOneMisclassification()
    {
        var outcomes = GoldComparison.Compare(["car"], ["truck"], (_, _) => 0.8, Thresholds);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(new ObjectOutcome(MatchOutcome.Misclassified, 0, 0, "car", "truck", 0.8), outcome);
    }

    [Fact]
    public void Compare_ByHand_ClassifiesEveryObjectOnce()
    {
        // Gold: car, car, pedestrian. Annotator: car (on gold 0), pedestrian (on gold 1), bicycle (nowhere).
        double[,] iou = { { 0.9, 0.0, 0.0 }, { 0.1, 0.6, 0.0 }, { 0.0, 0.0, 0.2 } };

        var outcomes = GoldComparison.Compare(["car", "car", "pedestrian"], ["car", "pedestrian", "bicycle"], (r, c) => iou[r, c], Thresholds);

        Assert.Equal(
            [
                new ObjectOutcome(MatchOutcome.TruePositive, 0, 0, "car", "car", 0.9),
                new ObjectOutcome(MatchOutcome.Misclassified, 1, 1, "car", "pedestrian", 0.6),
                new ObjectOutcome(MatchOutcome.Missed, 2, null, "pedestrian", null, double.NaN),
                new ObjectOutcome(MatchOutcome.Extra, null, 2, null, "bicycle", double.NaN),
            ],
            outcomes);
    }

    [Fact]
    public void Compare_ThresholdOfTheReferenceClass_DecidesEligibility()
    {
        // IoU 0.6: enough for a pedestrian (default 0.5), not for a car (0.7) — whatever the candidate's class says.
        var thresholds = new MatchingThresholds { ByClass = new Dictionary<string, double> { ["car"] = 0.7 } };

        var car = GoldComparison.Compare(["car"], ["pedestrian"], (_, _) => 0.6, thresholds);
        var pedestrian = GoldComparison.Compare(["pedestrian"], ["car"], (_, _) => 0.6, thresholds);

        Assert.Equal([MatchOutcome.Missed, MatchOutcome.Extra], car.Select(o => o.Outcome));
        Assert.Equal([MatchOutcome.Misclassified], pedestrian.Select(o => o.Outcome));
    }

    [Fact]
    public void Compare_NoReference_AllExtra() =>
        Assert.All(GoldComparison.Compare([], ["car", "car"], (_, _) => 1, Thresholds), o => Assert.Equal(MatchOutcome.Extra, o.Outcome));

    [Fact]
    public void MatchingThresholds_OutsideUnitInterval_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingThresholds { Default = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingThresholds { ByClass = new Dictionary<string, double> { ["car"] = 1.2 } });
    }
}
