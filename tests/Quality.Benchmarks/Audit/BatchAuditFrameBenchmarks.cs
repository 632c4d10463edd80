using BenchmarkDotNet.Attributes;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Sampling;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// What collecting the review frame costs a shard: <see cref="BatchAudit"/> over 2,000 lidar sweeps × 5 annotators × 20
/// cuboids (<see cref="LidarSweep"/>), with and without gold, collecting evidence as Compute does: without a frame (the baseline), with
/// <c>Frame = new List&lt;ReviewUnit&gt;()</c>, and <see cref="ReviewFrame.Of"/> alone over the same items. Run:
/// <c>dotnet run -c Release --project tests/Quality.Benchmarks -- --filter *BatchAuditFrame*</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class BatchAuditFrameBenchmarks
{
    private readonly SpatialOptions _options = new();
    private List<List<Annotation>> _items = [];

    [Params(false, true)]
    public bool Gold { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2000);
        _items = [.. Enumerable.Range(0, 2000).Select(i => LidarSweep.Generate(i, random, cuboids: 20, annotators: 5, withGold: Gold))];
    }

    [Benchmark(Baseline = true)]
    public long WithoutFrame() => Audit(new BatchAudit(_options, new List<EvidencePair>())).Items;

    [Benchmark]
    public long WithFrame()
    {
        var frame = new List<ReviewUnit>();
        Audit(new BatchAudit(_options, new List<EvidencePair>()) { Frame = frame });
        return frame.Count;
    }

    [Benchmark]
    public long FrameAlone()
    {
        long units = 0;
        foreach (var item in _items)
        {
            units += ReviewFrame.Of(item, _options).Count;
        }

        return units;
    }

    private BatchAudit Audit(BatchAudit audit)
    {
        foreach (var item in _items)
        {
            audit.AddItem("bench.jsonl", item);
        }

        return audit;
    }
}
