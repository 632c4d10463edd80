using Quality.Domain.Matching;

namespace Quality.Domain.Tests.Matching;

public sealed class ConfusionMatrixTests
{
    // Hand-made tally: gold car ×5: 3 → car, 1 → truck, 1 missed; gold truck ×2: 1 → truck, 1 → car;
    // extras: 1 car. Similarities: car-row matches 0.9, 0.8, 0.7, 0.6 (mean 0.75); truck-row 0.5, 0.7.
    private static ConfusionMatrix Example()
    {
        var matrix = new ConfusionMatrix();
        matrix.AddRange(
        [
            Pair("car", "car", 0.9), Pair("car", "car", 0.8), Pair("car", "car", 0.7), Pair("car", "truck", 0.6),
            new ObjectOutcome(MatchOutcome.Missed, 4, null, "car", null, double.NaN),
            Pair("truck", "truck", 0.5), Pair("truck", "car", 0.7),
            new ObjectOutcome(MatchOutcome.Extra, null, 7, null, "car", double.NaN),
        ]);
        return matrix;
    }

    [Fact]
    public void Score_Car_CountsByHand()
    {
        var car = Example().Score("car");

        // TP 3; FN = 1 misclassified as truck + 1 missed; FP = 1 truck called car + 1 extra.
        Assert.Equal(new DetectionScore(3, 1, 1, 1, 1, 0.75), car);
        Assert.Equal(3.0 / 5, car.Precision.Value, 1e-12);
        Assert.Equal(3.0 / 5, car.Recall.Value, 1e-12);
        Assert.Equal(6.0 / 10, car.F1.Value, 1e-12);
    }

    [Fact]
    public void Score_PrecisionInterval_IsTheWilsonIntervalOfItsCounts()
    {
        // 4/20 in statistics-vectors.md §8.2: Wilson (0.0806576625797981, 0.4160174322518935).
        var matrix = new ConfusionMatrix();
        for (var k = 0; k < 20; k++)
        {
            matrix.Add(k < 4 ? Pair("car", "car", 0.9) : new ObjectOutcome(MatchOutcome.Extra, null, k, null, "car", double.NaN));
        }

        var precision = matrix.Score("car").Precision;

        Assert.Equal(0.0806576625797981, precision.Lower, 1e-12);
        Assert.Equal(0.4160174322518935, precision.Upper, 1e-12);
    }

    [Fact]
    public void F1Interval_MapsTheJaccardWilsonInterval()
    {
        // TP 18, FP + FN 2 → J = 18/20, Wilson (0.6989663547715128, 0.972133518786232) per §8.2; F1 = 2J/(1 + J).
        var f1 = new DetectionScore(18, 0, 1, 1, 0, 0.8).F1;

        Assert.Equal(36.0 / 38, f1.Value, 1e-12);
        Assert.Equal(2 * 0.6989663547715128 / 1.6989663547715128, f1.Lower, 1e-12);
        Assert.Equal(2 * 0.972133518786232 / 1.972133518786232, f1.Upper, 1e-12);
    }

    [Fact]
    public void Overall_WrongClass_IsNeitherMissNorExtra()
    {
        var overall = Example().Overall();

        Assert.Equal((4L, 2L, 2L, 1L, 1L), (overall.TruePositives, overall.MisclassifiedFrom, overall.MisclassifiedInto, overall.Missed, overall.Extra));
        Assert.Equal(4.0 / 7, overall.Precision.Value, 1e-12);
        Assert.Equal(4.0 / 7, overall.Recall.Value, 1e-12);
        Assert.Equal((0.9 + 0.8 + 0.7 + 0.6 + 0.5 + 0.7) / 6, overall.MeanSimilarity, 1e-9);
    }

    [Fact]
    public void Rows_EveryReferenceObjectOnceInItsRow_ColumnsEveryCandidateOnce()
    {
        var matrix = Example();
        string?[] columns = [.. matrix.Classes, null];
        string?[] rows = [.. matrix.Classes, null];

        Assert.Equal(5, columns.Sum(c => matrix.Count("car", c)));
        Assert.Equal(2, columns.Sum(c => matrix.Count("truck", c)));
        Assert.Equal(5, rows.Sum(r => matrix.Count(r, "car")));
        Assert.Equal(2, rows.Sum(r => matrix.Count(r, "truck")));
        Assert.Equal(0, matrix.Count(null, null));
    }

    [Fact]
    public void Merge_SplitAnywhere_SameCountsAndMeans()
    {
        var whole = Example();
        var first = new ConfusionMatrix();
        var second = new ConfusionMatrix();
        first.AddRange([Pair("car", "car", 0.9), Pair("truck", "car", 0.7)]);
        second.AddRange(
        [
            Pair("car", "car", 0.8), Pair("car", "car", 0.7), Pair("car", "truck", 0.6), Pair("truck", "truck", 0.5),
            new ObjectOutcome(MatchOutcome.Missed, 4, null, "car", null, double.NaN),
            new ObjectOutcome(MatchOutcome.Extra, null, 7, null, "car", double.NaN),
        ]);

        second.Merge(first);

        Assert.Equal(whole.Overall(), second.Overall());
        Assert.Equal(whole.Score("car"), second.Score("car"));
        Assert.Equal(whole.Score("truck"), second.Score("truck"));
    }

    [Fact]
    public void Score_UnseenClass_RatesNotDefined()
    {
        var score = Example().Score("bus");

        Assert.True(double.IsNaN(score.Precision.Value) && double.IsNaN(score.Recall.Value) && double.IsNaN(score.F1.Value));
    }

    private static ObjectOutcome Pair(string reference, string candidate, double similarity) =>
        new(reference == candidate ? MatchOutcome.TruePositive : MatchOutcome.Misclassified, 0, 0, reference, candidate, similarity);
}
