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
}
