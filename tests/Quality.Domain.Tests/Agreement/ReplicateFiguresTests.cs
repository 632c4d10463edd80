using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class ReplicateFiguresTests
{
    /// <summary>
    /// A replicate's figures summed in one pass are those of alpha and the one-versus-rest alphas computed figure by
    /// figure, bit for bit: units of 2 to 5 values (so m − 1 of 3, which divides, and powers of two, which multiply),
    /// weights with zeros and large ones, at the levels the fused pass serves.
    /// </summary>
    [Theory]
    [InlineData(MeasurementLevel.Nominal)]
    [InlineData(MeasurementLevel.Interval)]
    [InlineData(MeasurementLevel.Ratio)]
    public void ReplicateFigures_RandomWeights_SameBitsAsFigureByFigure(MeasurementLevel level)
    {
        var random = new Random(17);
        var data = ReliabilityData.FromUnits(Enumerable.Range(0, 400).Select(_ =>
            Enumerable.Range(0, random.Next(2, 6)).Select(a => new Rating($"a{a}", $"{random.Next(6)}")).ToList()).ToList());
        var units = PairableUnits.From(data, ValueScale.For(data.Values, level, null));
        const int points = 6;
        Assert.True(units.FusesReplicates(perCategory: true));

        for (var trial = 0; trial < 200; trial++)
        {
            var weights = new long[units.Multiplicities.Length];
            for (var p = 0; p < weights.Length; p++)
            {
                weights[p] = random.Next(4) == 0 ? 0 : random.Next(trial % 2 == 0 ? 5 : 1_000_000);
            }

            var (expectedCategories, categories) = (new double[points], new double[points]);
            var expected = units.ReplicateFiguresByParts(weights, expectedCategories);
            var alpha = units.ReplicateFigures(weights, new long[points], new double[points], categories);

            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(alpha));
            Assert.Equal(expectedCategories.Select(BitConverter.DoubleToInt64Bits), categories.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(BitConverter.DoubleToInt64Bits(units.Alpha(weights).Value), BitConverter.DoubleToInt64Bits(alpha));
        }
    }

    [Fact]
    public void FusesReplicates_OrdinalOrInexactCategoryTerms_FallsBackToFigureByFigure()
    {
        var data = ReliabilityData.FromRows("a: 1 2 3 4 1", "b: 1 2 3 3 2", "c: 1 2 . 4 1");
        var ordinal = PairableUnits.From(data, ValueScale.For(data.Values, MeasurementLevel.Ordinal, null));
        Assert.False(ordinal.FusesReplicates(perCategory: false));

        // 2⁵² units of one pattern {1, 1, 2}: weight × 2·n_uc·(m − n_uc) reaches 2⁵² × 4, past 2⁵³, where products round.
        var huge = RatingPatterns.FromState(new RatingPatternsState(
            [new RatingPatternState([new Rating("a", "1"), new Rating("b", "1"), new Rating("c", "2")], 1L << 52)]));
        var nominal = PairableUnits.From(huge, ValueScale.For(huge.Values, MeasurementLevel.Nominal, null));
        Assert.False(nominal.FusesReplicates(perCategory: true));
        Assert.True(nominal.FusesReplicates(perCategory: false));
    }
}
