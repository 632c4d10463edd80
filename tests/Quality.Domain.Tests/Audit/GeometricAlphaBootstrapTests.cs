using Quality.Domain.Agreement;
using Quality.Domain.Audit;

namespace Quality.Domain.Tests.Audit;

/// <summary>
/// The geometric alpha's interval is the plain percentile bootstrap over per-replicate streams (docs/statistics-conventions.md,
/// "Geometric alpha"), whatever the number of workers and whether it was started early.
/// </summary>
public sealed class GeometricAlphaBootstrapTests
{
    private static readonly BootstrapOptions Options = new() { Seed = 42, Replicates = 300 };

    /// <summary>An even and an odd number of replicates: the bootstrap takes them two at a time, the odd last one alone.</summary>
    [Theory]
    [InlineData(300)]
    [InlineData(301)]
    public void Bootstrap_ScatteredCars_IsTheStraightforwardBootstrapOverReplicateStreams(int count)
    {
        // Written out plainly: replicate b makes n calls of Random.Next(n) on ReplicateStream.For(seed, b), takes alpha of
        // the counts, and the interval is the type-7 quantiles of the defined replicates.
        var options = Options with { Replicates = count };
        var geometry = SpatialAuditTests.ScatteredCars(seed: 5, items: 8).ConsensusGeometry;
        var items = geometry.Canonical();
        var n = items.Sum(i => i.Units.Length);
        var replicates = new List<double>();
        for (var b = 0; b < options.Replicates; b++)
        {
            var random = ReplicateStream.For(options.Seed, b);
            var counts = new int[n];
            for (var k = 0; k < n; k++)
            {
                counts[random.Next(n)]++;
            }

            if (GeometricAlphaBootstrap.Alpha(items, counts) is var alpha && !double.IsNaN(alpha))
            {
                replicates.Add(alpha);
            }
        }

        replicates.Sort();
        var tail = (1 - options.Confidence) / 2;

        var interval = geometry.Bootstrap(options);

        Assert.InRange(n, 30, 60);
        Assert.Equal(geometry.Alpha(), interval.Estimate);
        Assert.Equal((Type7(replicates, tail), Type7(replicates, 1 - tail)), (interval.Lower, interval.Upper));
        Assert.Equal(replicates.Count, interval.DefinedReplicates);
        Assert.True(interval.Lower < interval.Estimate && interval.Estimate < interval.Upper);
    }

    /// <summary>
    /// Two replicates side by side, one to each lane, are each the replicate alone bit for bit: units not drawn, drawn
    /// once, many times, one unit only; a replicate undefined (no unit drawn) beside a defined one.
    /// </summary>
    [Fact]
    public void Alpha_TwoReplicatesSideBySide_EachAsAloneBitForBit()
    {
        var items = SpatialAuditTests.ScatteredCars(seed: 9, items: 12).ConsensusGeometry.Canonical();
        var n = items.Sum(i => i.Units.Length);
        var random = new Random(17);
        List<int[]> draws =
        [
            [.. Enumerable.Repeat(1, n)],
            [.. Enumerable.Range(0, n).Select(u => u == 3 ? n : 0)],
            [.. Enumerable.Range(0, n).Select(u => u % 7 == 0 ? 1_000_003 : u % 2)],
            new int[n],
        ];
        for (var k = 0; k < 40; k++)
        {
            var counts = new int[n];
            for (var d = 0; d < n; d++)
            {
                counts[random.Next(n)]++;
            }

            draws.Add(counts);
        }

        foreach (var first in draws)
        {
            foreach (var second in draws.Take(8))
            {
                var (a, b) = GeometricAlphaBootstrap.Alpha(items, first, second);
                Assert.Equal(BitConverter.DoubleToInt64Bits(GeometricAlphaBootstrap.Alpha(items, first)), BitConverter.DoubleToInt64Bits(a));
                Assert.Equal(BitConverter.DoubleToInt64Bits(GeometricAlphaBootstrap.Alpha(items, second)), BitConverter.DoubleToInt64Bits(b));
            }
        }

        Assert.True(double.IsNaN(GeometricAlphaBootstrap.Alpha(items, draws[3])));
        Assert.All(draws.Take(3), counts => Assert.False(double.IsNaN(GeometricAlphaBootstrap.Alpha(items, counts))));
    }

    [Fact]
    public void Bootstrap_OneWorkerOrFour_SameInterval()
    {
        var geometry = SpatialAuditTests.ScatteredCars(seed: 9, items: 12).ConsensusGeometry;

        var alone = geometry.Bootstrap(new BootstrapOptions { Seed = 3, MaxDegreeOfParallelism = 1 });
        var spread = geometry.Bootstrap(new BootstrapOptions { Seed = 3, MaxDegreeOfParallelism = 4 });

        Assert.Equal(alone, spread);
        Assert.Equal(1000, alone.Replicates);
        Assert.NotEqual(alone.Lower, alone.Upper);
    }

    [Fact]
    public void StartBootstrap_ThenBootstrap_GivesTheIntervalOfTheDataAtTheTime()
    {
        var started = SpatialAuditTests.ScatteredCars(seed: 5, items: 8).ConsensusGeometry;
        var fresh = SpatialAuditTests.ScatteredCars(seed: 5, items: 8).ConsensusGeometry;
        var more = SpatialAuditTests.ScatteredCars(seed: 6, items: 4).ConsensusGeometry;

        started.StartBootstrap(Options);
        Assert.Equal(fresh.Bootstrap(Options), started.Bootstrap(Options));
        Assert.Equal(fresh.Bootstrap(Options with { Seed = 43 }), started.Bootstrap(Options with { Seed = 43 }));

        // Units merged after the start: the started interval is dropped, not served for the new data.
        var before = started.Bootstrap(Options);
        started.StartBootstrap(Options);
        started.Merge(more);
        fresh.Merge(more);
        Assert.Equal(fresh.Bootstrap(Options), started.Bootstrap(Options));
        Assert.NotEqual(before, started.Bootstrap(Options));
    }

    /// <summary>Hyndman–Fan type 7: linear interpolation between the order statistics around p·(count − 1).</summary>
    private static double Type7(List<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
