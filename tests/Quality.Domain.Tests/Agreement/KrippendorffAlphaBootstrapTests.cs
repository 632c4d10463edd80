using FsCheck.Xunit;
using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class KrippendorffAlphaBootstrapTests
{
    [Fact]
    public void Bootstrap_SameSeed_SameInterval()
    {
        var data = ReliabilityData.NewsTone();
        var options = new BootstrapOptions { Seed = 2007 };

        var first = KrippendorffAlpha.Bootstrap(data, MeasurementLevel.Ordinal, options);
        var second = KrippendorffAlpha.Bootstrap(data, MeasurementLevel.Ordinal, options);

        Assert.Equal(first, second);
        Assert.Equal(1000, first.Replicates);
    }

    [Fact]
    public void Bootstrap_NewsTone_EstimateIsThePointAlphaAndLiesInTheInterval()
    {
        var interval = KrippendorffAlpha.Bootstrap(ReliabilityData.NewsTone(), MeasurementLevel.Ordinal, new BootstrapOptions { Seed = 1 });

        Assert.Equal(0.7598, interval.Estimate, 5e-5);
        Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
        Assert.True(interval.Upper <= 1);
        Assert.Equal(0.95, interval.Confidence);
    }

    [Theory]
    [InlineData(1.5, 1.0)] // α ≤ 1 always
    [InlineData(-1e9, 0.0)]
    public void Bootstrap_ThresholdOutsideEveryReplicate_ProbabilityIsZeroOrOne(double threshold, double expected)
    {
        var interval = KrippendorffAlpha.Bootstrap(
            ReliabilityData.NewsTone(), MeasurementLevel.Interval, new BootstrapOptions { Seed = 3, Replicates = 200, Threshold = threshold });

        Assert.Equal(expected, interval.ProbabilityBelowThreshold);
    }

    [Fact]
    public void Bootstrap_PerfectAgreement_IntervalIsOne()
    {
        var interval = KrippendorffAlpha.Bootstrap(
            ReliabilityData.FromRows("a: 1 2 3 4 1 2", "b: 1 2 3 4 1 2", "c: 1 2 3 4 1 ."), MeasurementLevel.Nominal, new BootstrapOptions { Seed = 5 });

        Assert.Equal((1.0, 1.0), (interval.Lower, interval.Upper));
        Assert.Equal(0.0, interval.ProbabilityBelowThreshold);
    }

    [Fact]
    public void Bootstrap_NoPairableUnit_IsNotDefined()
    {
        var interval = KrippendorffAlpha.Bootstrap(ReliabilityData.FromRows("a: 1 .", "b: . 2"), MeasurementLevel.Nominal, new BootstrapOptions { Seed = 5 });

        Assert.Equal(0, interval.DefinedReplicates);
        Assert.True(double.IsNaN(interval.Lower) && double.IsNaN(interval.Upper) && double.IsNaN(interval.ProbabilityBelowThreshold));
    }

    [Property(MaxTest = 30)]
    public bool Bootstrap_NoisyCopiesOfATrueValue_IntervalContainsTheEstimate(int seed)
    {
        // 40–80 units, 3 annotators who each copy the unit's true value with probability 0.8: non-degenerate data.
        var random = new Random(seed);
        var units = Enumerable.Range(0, random.Next(40, 81)).Select(_ =>
        {
            var truth = random.Next(4);
            return Enumerable.Range(0, 3).Select(a => new Rating($"a{a}", $"{(random.NextDouble() < 0.8 ? truth : random.Next(4))}"));
        });

        var interval = KrippendorffAlpha.Bootstrap(
            ReliabilityData.FromUnits(units.ToList()), MeasurementLevel.Ordinal, new BootstrapOptions { Seed = seed, Replicates = 300 });

        return interval.Lower <= interval.Estimate && interval.Estimate <= interval.Upper;
    }

    [Fact]
    public void Bootstrap_OneThreadOrFour_SameIntervals()
    {
        // Each replicate draws from its own stream and they are collected in replicate order: threads cannot change them.
        var data = LatentClass(new Random(7), units: 300, coders: 4, categories: 5);
        var options = new BootstrapOptions { Seed = 11, Replicates = 400 };

        var (alone, categoriesAlone) = Units(data).Bootstrap(options with { MaxDegreeOfParallelism = 1 }, perCategory: true);
        var (spread, categoriesSpread) = Units(data).Bootstrap(options with { MaxDegreeOfParallelism = 4 }, perCategory: true);

        Assert.Equal(alone, spread);
        Assert.Equal(categoriesAlone!.Select(c => (c.AlphaLower, c.AlphaUpper)), categoriesSpread!.Select(c => (c.AlphaLower, c.AlphaUpper)));
        Assert.True(alone.Lower < alone.Upper);
    }

    [Fact]
    public void Bootstrap_LatentClassSimulation_IntervalCoversThePopulationAlpha()
    {
        // Coders give the unit's true category (uniform over q = 4) with probability 0.8, another uniformly otherwise.
        // Two values of a unit agree with probability P_a = 0.8² + 0.2²/3 = 0.653333…; the marginals are uniform, so
        // D_e = 1 − 1/q = 0.75 and the population alpha is 1 − (1 − P_a)/0.75 = 0.537777…. Of 400 data sets of
        // 150 units × 3 coders the 95% interval should cover it about 95% of the time (binomial sd 1.1 points).
        const double population = 1 - (1 - (0.64 + 0.04 / 3)) / 0.75;
        var random = new Random(2026);
        var covered = 0;
        const int datasets = 400;
        for (var d = 0; d < datasets; d++)
        {
            var interval = KrippendorffAlpha.Bootstrap(
                LatentClass(random, units: 150, coders: 3, categories: 4), MeasurementLevel.Nominal, new BootstrapOptions { Seed = d, Replicates = 200 });
            covered += interval.Lower <= population && population <= interval.Upper ? 1 : 0;
        }

        Assert.InRange(covered / (double)datasets, 0.91, 0.985);
    }

    private static PairableUnits Units(RatingPatterns data) =>
        PairableUnits.From(data, ValueScale.For(data.Values, MeasurementLevel.Nominal, null));

    private static RatingPatterns LatentClass(Random random, int units, int coders, int categories) =>
        ReliabilityData.FromUnits(Enumerable.Range(0, units).Select(_ =>
        {
            var truth = random.Next(categories);
            return Enumerable.Range(0, coders).Select(a => new Rating(
                $"a{a}", $"{(random.NextDouble() < 0.8 ? truth : (truth + 1 + random.Next(categories - 1)) % categories)}")).ToList();
        }).ToList());
}
