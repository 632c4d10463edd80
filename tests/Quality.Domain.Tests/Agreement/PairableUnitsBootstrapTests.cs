using Quality.Domain.Agreement;

namespace Quality.Domain.Tests.Agreement;

public sealed class PairableUnitsBootstrapTests
{
    /// <summary>
    /// The replicates are drawn two side by side; an odd count (1, 3, 5, 7) leaves the last one alone. Every replicate b
    /// must still get the alpha of its own stream drawn alone, and the interval be that of those alphas.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(64)]
    public void Bootstrap_AnyNumberOfReplicates_EachReplicateAsDrawnAloneFromItsStream(int replicates)
    {
        var units = KrippendorffAlphaUnits(new Random(5));
        var options = new BootstrapOptions { Seed = 17, Replicates = replicates, MaxDegreeOfParallelism = 2 };
        var single = new UnitBootstrap(units.Multiplicities);
        var counts = new long[units.Multiplicities.Length];
        var alphas = new List<double>();
        for (var b = 0; b < replicates; b++)
        {
            single.Draw(ReplicateStream.Generator(options.Seed, b), counts);
            var alpha = units.Alpha(counts).Value;
            if (!double.IsNaN(alpha))
            {
                alphas.Add(alpha);
            }
        }

        var expected = BootstrapInterval.Of(units.Alpha().Value, alphas, options);

        Assert.Equal(expected, units.Bootstrap(options, perCategory: true).Alpha);
        Assert.Equal(replicates, expected.DefinedReplicates);
    }

    /// <summary>250 units of 3 coders over 4 categories, most agreeing: groups of every size, alpha defined in every replicate.</summary>
    private static PairableUnits KrippendorffAlphaUnits(Random random)
    {
        var data = ReliabilityData.FromUnits(Enumerable.Range(0, 250).Select(_ =>
        {
            var truth = random.Next(4);
            return Enumerable.Range(0, 3).Select(a => new Rating($"a{a}", $"{(random.NextDouble() < 0.75 ? truth : random.Next(4))}")).ToList();
        }).ToList());
        return PairableUnits.From(data, ValueScale.For(data.Values, MeasurementLevel.Nominal, null));
    }
}
