using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class UnitMultisetsTests
{
    /// <summary>
    /// Units where leaving one annotator out gives a multiset another unit has whole ((1,2,2) less 2 is (1,2)), units of
    /// two values (nothing left) and of one, repeated points, an annotator in every unit and one in a single unit.
    /// </summary>
    private static readonly string[] Tricky =
    [
        "A: 1 1 2 . 3 1 4 2 1",
        "B: 2 1 2 2 3 . 4 . 1",
        "C: 2 . 3 2 . 1 4 . 2",
        "D: . . . 1 . . . . 5",
    ];

    [Theory]
    [InlineData(MeasurementLevel.Nominal)]
    [InlineData(MeasurementLevel.Ordinal)]
    [InlineData(MeasurementLevel.Interval)]
    [InlineData(MeasurementLevel.Ratio)]
    public void Without_TrickyUnits_SameGroupsAndFiguresAsFromExcludingTheAnnotator(MeasurementLevel level)
    {
        AssertSameAsFrom(ReliabilityData.FromRows(Tricky), level);
    }

    [Theory]
    [InlineData(1, 3, 4)]
    [InlineData(2, 6, 3)]
    [InlineData(3, 8, 10)]
    public void Without_RandomUnits_SameGroupsAndFiguresAsFromExcludingTheAnnotator(int seed, int coders, int categories)
    {
        // Each unit rated by a random subset of the coders (some by one or none), values skewed to low categories so
        // multisets repeat and leave-one-out multisets collide with whole ones.
        var random = new Random(seed);
        var units = Enumerable.Range(0, 3_000).Select(_ => Enumerable.Range(0, coders)
            .Where(_ => random.NextDouble() < 0.7)
            .Select(c => new Rating($"coder{c}", (random.Next(categories) * random.Next(categories) / categories).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList());
        var ratings = ReliabilityData.FromUnits(units);

        foreach (var level in new[] { MeasurementLevel.Nominal, MeasurementLevel.Ordinal, MeasurementLevel.Interval, MeasurementLevel.Ratio })
        {
            AssertSameAsFrom(ratings, level);
        }
    }

    [Fact]
    public void Without_OneDissenter_ByHand()
    {
        // Units (x,x,y), (y,y,x), (x,x,y): without C every unit agrees (α = 1); without A every unit disagrees,
        // n = 6, α = 1 − 5·6/(36 − 18) = −2/3 (KrippendorffAlphaBreakdownTests).
        var ratings = ReliabilityData.FromRows("A: x y x", "B: x y x", "C: y x y");
        var multisets = new UnitMultisets(ratings, ValueScale.For(ratings.Values, MeasurementLevel.Nominal, null));
        var numbers = ratings.ValuesByAnnotator().ToDictionary(a => a.Annotator, a => a.Number);

        Assert.Equal(1.0, multisets.Without(numbers["C"]).Alpha().Value);
        Assert.Equal(-2.0 / 3, multisets.Without(numbers["A"]).Alpha().Value, 1e-15);
        Assert.Equal([2L, 1L], multisets.Without(numbers["C"]).Multiplicities.ToArray()); // (x,x) twice, then (y,y) once
    }

    private static void AssertSameAsFrom(RatingPatterns ratings, MeasurementLevel level)
    {
        var scale = ValueScale.For(ratings.Values, level, null);
        var multisets = new UnitMultisets(ratings, scale);
        AssertSame(PairableUnits.From(ratings, scale), multisets.All());
        foreach (var (_, number, _) in ratings.ValuesByAnnotator())
        {
            AssertSame(PairableUnits.From(ratings, scale, number), multisets.Without(number));
        }
    }

    private static void AssertSame(PairableUnits expected, PairableUnits actual)
    {
        Assert.Equal(expected.Multiplicities.ToArray(), actual.Multiplicities.ToArray());
        Assert.Equal(Bits(expected.Alpha()), Bits(actual.Alpha()));
        Assert.Equal(
            expected.PerCategory().Select(c => (c.Value, c.PairableValues, Bits(c.OneVersusRestAlpha), Bits(c.SpecificAgreement))),
            actual.PerCategory().Select(c => (c.Value, c.PairableValues, Bits(c.OneVersusRestAlpha), Bits(c.SpecificAgreement))));
    }

    private static (long, long, long, long, long) Bits(KrippendorffAlphaResult result) =>
        (Bits(result.Value), result.Units, result.PairableValues, Bits(result.ObservedDisagreement), Bits(result.ExpectedDisagreement));

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
