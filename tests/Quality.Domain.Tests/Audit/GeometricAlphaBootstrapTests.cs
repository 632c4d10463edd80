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

    [Fact]
    public void Bootstrap_ScatteredCars_IsTheStraightforwardBootstrapOverReplicateStreams()
    {
        // Written out plainly: replicate b makes n calls of Random.Next(n) on ReplicateStream.For(seed, b), takes alpha of
        // the counts, and the interval is the type-7 quantiles of the defined replicates.
        var geometry = SpatialAuditTests.ScatteredCars(seed: 5, items: 8).ConsensusGeometry;
        var items = geometry.Canonical();
        var n = items.Sum(i => i.Units.Length);
        var replicates = new List<double>();
        for (var b = 0; b < Options.Replicates; b++)
        {
            var random = ReplicateStream.For(Options.Seed, b);
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
        var tail = (1 - Options.Confidence) / 2;

        var interval = geometry.Bootstrap(Options);

        Assert.InRange(n, 30, 60);
        Assert.Equal(geometry.Alpha(), interval.Estimate);
        Assert.Equal((Type7(replicates, tail), Type7(replicates, 1 - tail)), (interval.Lower, interval.Upper));
        Assert.Equal(replicates.Count, interval.DefinedReplicates);
        Assert.True(interval.Lower < interval.Estimate && interval.Estimate < interval.Upper);
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
