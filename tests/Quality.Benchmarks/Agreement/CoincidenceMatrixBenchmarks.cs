using BenchmarkDotNet.Attributes;
using Quality.Domain.Agreement;

namespace Quality.Benchmarks.Agreement;

/// <summary>Nominal alpha from units: the cost of adding units to the coincidence matrix and computing alpha.</summary>
[MemoryDiagnoser]
public class CoincidenceMatrixBenchmarks
{
    private List<string[]> _units = [];

    [Params(100_000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var categories = Enumerable.Range(0, 20).Select(c => "class-" + c).ToArray();
        _units = Enumerable.Range(0, Units)
            .Select(_ => Enumerable.Range(0, 5).Where(_ => random.NextDouble() >= 0.1).Select(_ => categories[random.Next(20)]).ToArray())
            .ToList();
    }

    [Benchmark]
    public double AlphaNominal()
    {
        var matrix = new CoincidenceMatrix();
        foreach (var unit in _units)
        {
            matrix.AddUnit(unit);
        }

        return matrix.KrippendorffAlphaNominal();
    }
}
