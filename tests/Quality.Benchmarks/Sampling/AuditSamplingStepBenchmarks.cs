using BenchmarkDotNet.Attributes;
using Quality.Domain.Sampling;

namespace Quality.Benchmarks.Sampling;

/// <summary>
/// The steps of <see cref="AuditSampling.Draw"/> on the same frames, each over every unit once, to show which one
/// dominates: the unit ids (<see cref="ReviewUnit.Id"/>, a JSON array each), sorting them (ordinal), the strata (rarest
/// class per unit) and the SHA-256 selection keys. Run:
/// <c>dotnet run -c Release --project tests/Quality.Benchmarks -- --filter *AuditSamplingStep*</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class AuditSamplingStepBenchmarks
{
    private static readonly string[] Dimensions = [ReviewFrame.ClassDimension, ReviewFrame.AnnotatorDimension];

    private List<ReviewUnit> _frame = [];
    private string[] _ids = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frame = SyntheticFrame.Generate(Units);
        _ids = [.. _frame.Select(u => u.Id)];
    }

    [Benchmark]
    public int UnitIds()
    {
        var length = 0;
        foreach (var unit in _frame)
        {
            length += unit.Id.Length;
        }

        return length;
    }

    [Benchmark]
    public string SortIds()
    {
        var ids = (string[])_ids.Clone();
        Array.Sort(ids, StringComparer.Ordinal);
        return ids[0];
    }

    [Benchmark]
    public int Strata() => ReviewFrame.Strata(_frame, Dimensions).Count;

    [Benchmark]
    public double SelectionKeys()
    {
        var sum = 0.0;
        foreach (var id in _ids)
        {
            sum += SelectionKey.Uniform(SyntheticFrame.Seed, id);
        }

        return sum;
    }
}
