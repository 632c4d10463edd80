using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Quality.Domain.Agreement;

namespace Quality.Benchmarks.Agreement;

/// <summary>
/// Issue 3's scale targets, single thread: nominal alpha on 1,000,000 units × 5 annotators, 20 categories, 10% of
/// ratings missing; interval alpha on 1,000,000 real values (250,000 units × 4 annotators). Each is measured from the
/// ratings (building the mergeable <see cref="RatingPatterns"/>, what a shard does) and from the patterns alone (what
/// finalize does after the merge); and the seeded bootstrap interval (1,000 replicates) of nominal alpha on the first
/// 100,000 of those units. Run: <c>dotnet run -c Release --project tests/Quality.Benchmarks -- --filter *Krippendorff*</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class KrippendorffAlphaBenchmarks
{
    private static readonly string[] Annotators = ["a1", "a2", "a3", "a4", "a5"];

    private List<Rating[]> _nominalUnits = [];
    private List<Rating[]> _intervalUnits = [];
    private RatingPatterns _nominal = new();
    private RatingPatterns _interval = new();
    private RatingPatterns _bootstrapped = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var categories = Enumerable.Range(0, 20).Select(c => "class-" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        _nominalUnits = Enumerable.Range(0, 1_000_000)
            .Select(_ => Annotators.Where(_ => random.NextDouble() >= 0.1).Select(a => new Rating(a, categories[random.Next(20)])).ToArray())
            .ToList();
        _intervalUnits = Enumerable.Range(0, 250_000)
            .Select(_ =>
            {
                var truth = random.NextDouble() * 50;
                return Annotators.Take(4).Select(a => new Rating(a, (truth + (random.NextDouble() - 0.5)).ToString("R", CultureInfo.InvariantCulture))).ToArray();
            })
            .ToList();
        _nominal = Patterns(_nominalUnits);
        _interval = Patterns(_intervalUnits);
        _bootstrapped = Patterns(_nominalUnits.Take(100_000).ToList());
    }

    [Benchmark]
    public double NominalFromRatings() => KrippendorffAlpha.Compute(Patterns(_nominalUnits), MeasurementLevel.Nominal).Value;

    [Benchmark]
    public double NominalFromPatterns() => KrippendorffAlpha.Compute(_nominal, MeasurementLevel.Nominal).Value;

    [Benchmark]
    public double IntervalFromRatings() => KrippendorffAlpha.Compute(Patterns(_intervalUnits), MeasurementLevel.Interval).Value;

    [Benchmark]
    public double IntervalFromPatterns() => KrippendorffAlpha.Compute(_interval, MeasurementLevel.Interval).Value;

    [Benchmark]
    public double NominalBootstrap100k() =>
        KrippendorffAlpha.Bootstrap(_bootstrapped, MeasurementLevel.Nominal, new BootstrapOptions { Seed = 7 }).Lower;

    private static RatingPatterns Patterns(List<Rating[]> units)
    {
        var patterns = new RatingPatterns();
        foreach (var unit in units)
        {
            patterns.AddUnit(unit);
        }

        return patterns;
    }
}
