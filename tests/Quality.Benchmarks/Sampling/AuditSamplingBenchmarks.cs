using BenchmarkDotNet.Attributes;
using Quality.Domain.Sampling;
using Quality.Domain.Standards;

namespace Quality.Benchmarks.Sampling;

/// <summary>
/// Issue 7's finalize draw at production scale: <see cref="AuditSampling.Draw"/> on a frame of 10,000, 100,000 and
/// 1,000,000 units (<see cref="SyntheticFrame"/>: 5 annotators, a skewed class mix with a rare class, [class, annotator]
/// strata, 5 per stratum, Z1.4 AQL 1.0 level II normal), simple random and risk-weighted; and
/// <see cref="StratifiedSample.Select"/> alone on the same units' ids, strata and weights, to show what share of the
/// draw the selection (SHA-256 keys, sort within strata) is. Run:
/// <c>dotnet run -c Release --project tests/Quality.Benchmarks -- --filter *AuditSampling*</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class AuditSamplingBenchmarks
{
    private List<ReviewUnit> _frame = [];
    private SampleItem[] _items = [];
    private SamplingSettings _settings = SyntheticFrame.Settings(riskWeighted: false);
    private SampleOptions _options = new() { Size = 0, Seed = SyntheticFrame.Seed };

    [Params(10_000, 100_000, 1_000_000)]
    public int Units { get; set; }

    [Params(false, true)]
    public bool RiskWeighted { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frame = SyntheticFrame.Generate(Units);
        _settings = SyntheticFrame.Settings(RiskWeighted);
        var sample = AuditSampling.Draw(_frame, _settings, SyntheticFrame.Seed, InspectionSeverity.Normal);
        var strata = ReviewFrame.Strata(_frame, _settings.Strata);
        _items = [.. _frame.Select((u, i) => new SampleItem(u.Id, strata[i], u.RiskWeight))];
        _options = new SampleOptions { Size = sample.Plan.SampleSize, Seed = SyntheticFrame.Seed, MinimumPerStratum = 5, RiskWeighted = RiskWeighted };
    }

    [Benchmark(Baseline = true)]
    public int Draw() => AuditSampling.Draw(_frame, _settings, SyntheticFrame.Seed, InspectionSeverity.Normal).Size;

    [Benchmark]
    public int Select() => StratifiedSample.Select(_items, _options).Size;
}
