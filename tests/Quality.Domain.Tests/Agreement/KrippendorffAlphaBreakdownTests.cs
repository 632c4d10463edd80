using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

/// <summary>Per category and per annotator, against hand computations from the coincidence matrix.</summary>
public sealed class KrippendorffAlphaBreakdownTests
{
    [Fact]
    public void PerCategory_BinaryExampleA_OneVersusRestIsAlphaAndSpecificIsDiagonalShare()
    {
        // Example A: o_00 = 10, o_01 = o_10 = 4, o_11 = 2; n_0 = 14, n_1 = 6. With two categories, "c versus the rest"
        // is the data itself, so both one-versus-rest alphas are α = 2/21; specific agreement is o_cc/n_c.
        var categories = KrippendorffAlpha.PerCategory(
            ReliabilityData.FromRows("Meg: 0 1 0 0 0 0 0 0 1 0", "Owen: 1 1 1 0 0 1 0 0 0 0"));

        Assert.Equal(["0", "1"], categories.Select(c => c.Value));
        Assert.Equal([14L, 6L], categories.Select(c => c.PairableValues));
        Assert.All(categories, c => Assert.Equal(2.0 / 21, c.OneVersusRestAlpha, 1e-12));
        Assert.Equal(10.0 / 14, categories[0].SpecificAgreement, 1e-12);
        Assert.Equal(2.0 / 6, categories[1].SpecificAgreement, 1e-12);
    }

    [Fact]
    public void PerCategory_ExampleB_CategoryAByHand()
    {
        // Category a: units 1 (a,b), 2 (a,a), 12 (a,d); n_a = 4 of n = 24; a/not-a disagreements o = 2 + 2 (ordered pairs)
        // → α_a = 1 − 23·4/(2·4·20) = 34/80; specific = o_aa/n_a = 2/4.
        var categories = KrippendorffAlpha.PerCategory(
            ReliabilityData.FromRows("Ben: a a b b d c c c e d d a", "Gerry: b a b b b c c c e d d d"));

        var a = Assert.Single(categories, c => c.Value == "a");
        Assert.Equal(4, a.PairableValues);
        Assert.Equal(34.0 / 80, a.OneVersusRestAlpha, 1e-12);
        Assert.Equal(0.5, a.SpecificAgreement, 1e-12);
    }

    [Fact]
    public void PerCategory_TwoCategories_IntervalIsTheFieldsAlphaInterval()
    {
        // With two categories one-versus-rest is the data itself, and the replicates are the same draws (same seed):
        // each category's interval must be alpha's own, bit for bit.
        var ratings = ReliabilityData.FromRows("Meg: 0 1 0 0 0 0 0 0 1 0 1 1", "Owen: 1 1 1 0 0 1 0 0 0 0 1 0");
        var options = new BootstrapOptions { Seed = 11, Replicates = 500 };

        var categories = KrippendorffAlpha.PerCategory(ratings, options);
        var alpha = KrippendorffAlpha.Bootstrap(ratings, MeasurementLevel.Nominal, options);

        Assert.All(categories, c =>
        {
            Assert.Equal(alpha.Lower, c.AlphaLower);
            Assert.Equal(alpha.Upper, c.AlphaUpper);
        });
        Assert.True(alpha.Lower < alpha.Upper);
    }

    [Fact]
    public void PerCategory_TwoCategoriesUnitsOfTwoToFiveValues_OneVersusRestIsTheFieldsAlpha()
    {
        // Units with m = 2 … 5 values: each unit's term is divided by m − 1 = 1, 2, 3 or 4 (scaled where it is a power of
        // two, divided where it is 3). With two categories one-versus-rest is the data itself, whose alpha the field's
        // own computation (coincidences, not per-category terms) gives.
        var ratings = ReliabilityData.FromRows(
            "A: 0 1 0 0 1 0 1 1 0 0 1 0",
            "B: 0 1 1 0 1 0 0 1 0 1 1 0",
            "C: . . 1 0 1 0 0 1 1 1 0 0",
            "D: . . . . 1 1 0 1 0 1 . 0",
            "E: . . . . . . 0 1 0 0 . 1");

        var alpha = KrippendorffAlpha.Compute(ratings, MeasurementLevel.Nominal).Value;
        var categories = KrippendorffAlpha.PerCategory(ratings);

        Assert.InRange(alpha, 0.05, 0.95);
        Assert.All(categories, c => Assert.Equal(alpha, c.OneVersusRestAlpha, 1e-12));
    }

    [Fact]
    public void PerCategory_ExampleB_IntervalsHoldTheEstimateAndRepeatWithTheSeed()
    {
        var ratings = ReliabilityData.FromRows("Ben: a a b b d c c c e d d a", "Gerry: b a b b b c c c e d d d");
        var options = new BootstrapOptions { Seed = 3, Replicates = 400 };

        var first = KrippendorffAlpha.PerCategory(ratings, options);
        var again = KrippendorffAlpha.PerCategory(ratings, options);

        Assert.Equal(first, again);
        Assert.Equal(KrippendorffAlpha.PerCategory(ratings).Select(c => c.OneVersusRestAlpha), first.Select(c => c.OneVersusRestAlpha));
        Assert.All(first.Where(c => !double.IsNaN(c.AlphaLower)), c => Assert.InRange(c.OneVersusRestAlpha, c.AlphaLower - 1e-12, c.AlphaUpper + 1e-12));
        Assert.Contains(first, c => c.AlphaLower < c.AlphaUpper);
    }

    [Fact]
    public void PerCategory_OnlyInSingleValueUnits_IsNotDefined()
    {
        var categories = KrippendorffAlpha.PerCategory(ReliabilityData.FromRows("a: x y z", "b: x y ."));

        var z = Assert.Single(categories, c => c.Value == "z");
        Assert.Equal(0, z.PairableValues);
        Assert.True(double.IsNaN(z.OneVersusRestAlpha));
        Assert.True(double.IsNaN(z.SpecificAgreement));
    }

    [Fact]
    public void PerAnnotator_OneDissenter_ByHand()
    {
        // All three: units (x,x,y), (y,y,x), (x,x,y); n = 9, n_x = 5, n_y = 4; each unit has 4 ordered disagreeing
        // pairs / (m − 1) = 2 → α = 1 − 8·6/(81 − 25 − 16) = −1/5. Without C: perfect agreement, α = 1. Without A
        // (or B): every unit disagrees, n = 6, α = 1 − 5·6/(36 − 18) = −2/3.
        var influence = KrippendorffAlpha.PerAnnotator(
            ReliabilityData.FromRows("A: x y x", "B: x y x", "C: y x y"), MeasurementLevel.Nominal);

        Assert.Equal(["A", "B", "C"], influence.Select(i => i.Annotator));
        Assert.All(influence, i => Assert.Equal(3, i.Values));
        Assert.Equal(-2.0 / 3, influence[0].AlphaWithout.Value, 1e-12);
        Assert.Equal(-2.0 / 3 + 0.2, influence[1].Change, 1e-12);
        Assert.Equal(1.0, influence[2].AlphaWithout.Value, 1e-12);
        Assert.Equal(1.2, influence[2].Change, 1e-12);
    }

    [Theory]
    [InlineData(MeasurementLevel.Nominal)]
    [InlineData(MeasurementLevel.Interval)]
    public void PerAnnotator_WikipediaExample_EqualsAlphaOfTheOtherRows(MeasurementLevel level)
    {
        string[] rows =
        [
            "c1: . . . . . 3 4 1 2 1 1 3 3 . 3",
            "c2: 1 . 2 1 3 3 4 3 . . . . . . .",
            "c3: . . 2 1 3 4 4 . 2 1 1 3 3 . 4",
        ];

        var influence = KrippendorffAlpha.PerAnnotator(ReliabilityData.FromRows(rows), level);

        Assert.Equal([9L, 7L, 11L], influence.Select(i => i.Values));
        for (var left = 0; left < rows.Length; left++)
        {
            var others = ReliabilityData.FromRows(rows.Where((_, r) => r != left).ToArray());
            Assert.Equal(KrippendorffAlpha.Compute(others, level).Value, influence[left].AlphaWithout.Value, 1e-12);
        }
    }
}
