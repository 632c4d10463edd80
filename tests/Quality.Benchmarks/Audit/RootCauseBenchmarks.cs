using BenchmarkDotNet.Attributes;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.RootCauses;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// What the root-cause drill-down costs: the gold comparison of 2,000 lidar sweeps × 5 annotators × 20 cuboids
/// (<see cref="LidarSweep"/>) with evidence rows as before (no strata, the baseline) and with each row's strata computed
/// as Compute now does; and <see cref="RootCauseAnalysis.Analyse"/> over those rows (both passes, tests, BH, ranking).
/// Run: <c>dotnet run -c Release --project tests/Quality.Benchmarks -- --filter *RootCause*</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class RootCauseBenchmarks
{
    private readonly SpatialOptions _options = new();
    private List<List<Annotation>> _items = [];
    private List<EvidencePair> _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2000);
        _items = [.. Enumerable.Range(0, 2000).Select(i => LidarSweep.Generate(i, random, cuboids: 20, annotators: 5, withGold: true))];
        _rows = Compare(withStrata: true);
    }

    [Benchmark(Baseline = true)]
    public int EvidenceWithoutStrata() => Compare(withStrata: false).Count;

    [Benchmark]
    public int EvidenceWithStrata() => Compare(withStrata: true).Count;

    [Benchmark]
    public int Analyse() => RootCauseAnalysis.Analyse(_rows).Strata.Count;

    private List<EvidencePair> Compare(bool withStrata)
    {
        var evidence = new List<EvidencePair>();
        var audit = new SpatialAudit();
        foreach (var item in _items)
        {
            audit.AddItem(item, _options, evidence, withStrata ? ItemStrata.Of(item, null) : null);
        }

        return evidence;
    }
}
