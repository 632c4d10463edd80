using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

/// <summary>Published vectors of reference/statistics-vectors.md §1 and §5, to their stated precision or exact fraction.</summary>
public sealed class KrippendorffAlphaTests
{
    /// <summary>§1.1: Krippendorff (2011) p. 4 / example C, 4 observers × 12 units with missing values.</summary>
    private static readonly string[] Canonical =
    [
        "A: 1 2 3 3 2 1 4 1 2 . . .",
        "B: 1 2 3 3 2 2 4 1 2 5 . 3",
        "C: . 3 3 3 2 3 4 2 2 5 1 .",
        "D: 1 2 3 3 2 4 4 1 2 5 1 .",
    ];

    /// <summary>§1.4: Wikipedia's computational example, 3 coders × 15 units.</summary>
    private static readonly string[] Wikipedia =
    [
        "c1: . . . . . 3 4 1 2 1 1 3 3 . 3",
        "c2: 1 . 2 1 3 3 4 3 . . . . . . .",
        "c3: . . 2 1 3 4 4 . 2 1 1 3 3 . 4",
    ];

    [Theory]
    [InlineData(MeasurementLevel.Nominal, 113.0 / 152, 0.743)]
    [InlineData(MeasurementLevel.Ordinal, 108577.0 / 133160, 0.815)]
    [InlineData(MeasurementLevel.Interval, 951.0 / 1120, 0.849)]
    [InlineData(MeasurementLevel.Ratio, 18222619.0 / 22852465, 0.797)]
    public void Compute_CanonicalExample_MatchesExactFractionAndPublishedFigure(MeasurementLevel level, double exact, double published)
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.FromRows(Canonical), level);

        Assert.Equal(exact, alpha.Value, 1e-12);
        Assert.Equal(published, alpha.Value, 5e-4);
        Assert.Equal(11, alpha.Units);
        Assert.Equal(40, alpha.PairableValues);
    }

    [Fact]
    public void Compute_CanonicalExample_DisagreementsMatchTheirDefinition()
    {
        // Nominal: n = 40, n_c = 9, 13, 10, 5, 3; D_e = (n² − Σ n_c²)/(n(n − 1)) = (1600 − 384)/1560.
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.FromRows(Canonical), MeasurementLevel.Nominal);

        Assert.Equal(1216.0 / 1560, alpha.ExpectedDisagreement, 1e-12);
        Assert.Equal(1 - alpha.ObservedDisagreement / alpha.ExpectedDisagreement, alpha.Value, 1e-12);
    }

    [Fact]
    public void Compute_OrdinalWithOrderedStringDomain_MatchesNumericOrdinal()
    {
        // fast-krippendorff: 1..5 as "very low".."very high" with value_domain, expected round(α, 3) = 0.815.
        string[] domain = ["very low", "low", "mid", "high", "very high"];
        var labelled = ReliabilityData.FromUnits(ReliabilityData.Units(Canonical)
            .Select(u => u.Select(r => r with { Value = domain[int.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture) - 1] })));

        Assert.Equal(108577.0 / 133160, KrippendorffAlpha.Compute(labelled, MeasurementLevel.Ordinal, domain).Value, 1e-12);
    }

    [Theory]
    [InlineData("Meg: 0 1 0 0 0 0 0 0 1 0", "Owen: 1 1 1 0 0 1 0 0 0 0", 2.0 / 21, 0.095)] // §1.2 example A, binary
    [InlineData("Ben: a a b b d c c c e d d a", "Gerry: b a b b b c c c e d d d", 155.0 / 224, 0.692)] // §1.3 example B
    public void Compute_Krippendorff2011TwoObserverExamples_MatchExactFractionAndPublishedFigure(
        string first, string second, double exact, double published)
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.FromRows(first, second), MeasurementLevel.Nominal);

        Assert.Equal(exact, alpha.Value, 1e-12);
        Assert.Equal(published, alpha.Value, 5e-4);
    }

    [Fact]
    public void Compute_NewsPresenceCsv_MatchesKrippendorff2004()
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.NewsPresence(), MeasurementLevel.Nominal);

        Assert.Equal(0.0952, alpha.Value, 5e-5);
        Assert.Equal(20, alpha.PairableValues);
    }

    [Theory]
    [InlineData(MeasurementLevel.Ordinal, 0.7598, 5e-5)]
    [InlineData(MeasurementLevel.Interval, 0.757, 5e-4)]
    [InlineData(MeasurementLevel.Nominal, 0.477, 5e-4)]
    public void Compute_NewsToneCsv_MatchesHayesKrippendorff2007(MeasurementLevel level, double published, double tolerance)
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.NewsTone(), level);

        Assert.Equal(published, alpha.Value, tolerance);
        Assert.Equal(40, alpha.Units);
        Assert.Equal(159, alpha.PairableValues);
    }

    [Theory]
    [InlineData(MeasurementLevel.Nominal, 0.691358)]
    [InlineData(MeasurementLevel.Interval, 0.810845)]
    public void Compute_WikipediaExample_MatchesFastKrippendorff(MeasurementLevel level, double published) =>
        Assert.Equal(published, KrippendorffAlpha.Compute(ReliabilityData.FromRows(Wikipedia), level).Value, 5e-7);

    [Fact]
    public void Compute_StringLabels_MatchesFastKrippendorff()
    {
        var alpha = KrippendorffAlpha.Compute(
            ReliabilityData.FromRows("a: pos neg neu .", "b: pos neg neu pos", "c: pos neg pos pos"), MeasurementLevel.Nominal);

        Assert.Equal(0.722222, alpha.Value, 5e-7);
    }

    [Fact]
    public void Compute_RatioWithZeros_IsOne()
    {
        // fast-krippendorff [[0,1,2],[0,1,2]] → 1.0: δ²(0, 0) = 0, not 0/0.
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.FromRows("a: 0 1 2", "b: 0 1 2"), MeasurementLevel.Ratio);

        Assert.Equal(1.0, alpha.Value);
    }

    [Fact]
    public void Compute_TwoRaterTable_MatchesIrrCacKrippen2Table()
    {
        // §5: cont3x3abstractors [[13,0,0],[0,20,7],[0,4,56]]; irrCAC krippen2.table = 0.7972585.
        var alpha = KrippendorffAlpha.Compute(TwoRaterTable([[13, 0, 0], [0, 20, 7], [0, 4, 56]]), MeasurementLevel.Nominal);

        Assert.Equal(0.7972585, alpha.Value, 5e-8);
    }

    [Theory]
    [InlineData(MeasurementLevel.Nominal)]
    [InlineData(MeasurementLevel.Interval)]
    public void Compute_NoVariation_IsNotDefined(MeasurementLevel level)
    {
        // fast-krippendorff raises for [[1,1],[1,1]]; here "not defined" is a result.
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.FromRows("a: 1 1", "b: 1 1"), level);

        Assert.False(alpha.IsDefined);
        Assert.Equal(2, alpha.Units);
    }

    [Fact]
    public void Compute_NoUnitWithTwoValues_IsNotDefined()
    {
        var alpha = KrippendorffAlpha.Compute(ReliabilityData.FromRows("a: 1 .", "b: . 2"), MeasurementLevel.Nominal);

        Assert.False(alpha.IsDefined);
        Assert.Equal(0, alpha.Units);
        Assert.Equal(0, alpha.PairableValues);
    }

    [Fact]
    public void Compute_Empty_IsNotDefined() =>
        Assert.False(KrippendorffAlpha.Compute(new RatingPatterns(), MeasurementLevel.Ratio).IsDefined);

    [Theory]
    [InlineData(MeasurementLevel.Interval, "high")]
    [InlineData(MeasurementLevel.Ratio, "-1")]
    [InlineData(MeasurementLevel.Interval, "1,5")]
    public void Compute_ValueNotOnTheScale_Throws(MeasurementLevel level, string value) =>
        Assert.Throws<ArgumentException>(() =>
            KrippendorffAlpha.Compute(ReliabilityData.FromRows("a: 1 2", $"b: 1 {value}"), level));

    [Fact]
    public void Compute_ValueOutsideOrderedDomain_Throws() =>
        Assert.Throws<ArgumentException>(() =>
            KrippendorffAlpha.Compute(ReliabilityData.FromRows("a: low high", "b: low mid"), MeasurementLevel.Ordinal, ["low", "high"]));

    [Fact]
    public void Compute_OrdinalStrings_OrderOrdinallyWithoutDomain()
    {
        // "a" < "b" < "c" ordinally, so this is the numeric 1 < 2 < 3 data under another name.
        var letters = KrippendorffAlpha.Compute(ReliabilityData.FromRows("x: a b c a", "y: a c c b"), MeasurementLevel.Ordinal);
        var numbers = KrippendorffAlpha.Compute(ReliabilityData.FromRows("x: 1 2 3 1", "y: 1 3 3 2"), MeasurementLevel.Ordinal);

        Assert.Equal(numbers.Value, letters.Value);
    }

    [Fact]
    public void Compute_NumericOrdinal_OrdersByNumberNotByString()
    {
        // Ordinally "10" < "9"; numerically 9 < 10. Numeric order makes this the 1 < 2 < 3 data again.
        var numeric = KrippendorffAlpha.Compute(ReliabilityData.FromRows("x: 8 9 10 8", "y: 8 10 10 9"), MeasurementLevel.Ordinal);
        var reference = KrippendorffAlpha.Compute(ReliabilityData.FromRows("x: 1 2 3 1", "y: 1 3 3 2"), MeasurementLevel.Ordinal);

        Assert.Equal(reference.Value, numeric.Value);
    }

    /// <summary>Two raters over the units of a contingency table: cell [i][j] units rated i by the first and j by the second.</summary>
    internal static RatingPatterns TwoRaterTable(int[][] table) =>
        ReliabilityData.FromUnits(
            from i in Enumerable.Range(0, table.Length)
            from j in Enumerable.Range(0, table[i].Length)
            from unit in Enumerable.Range(0, table[i][j])
            select new[] { new Rating("first", $"{i}"), new Rating("second", $"{j}") });
}
