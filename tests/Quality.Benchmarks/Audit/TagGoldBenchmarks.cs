using BenchmarkDotNet.Attributes;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Audit.Tags;

namespace Quality.Benchmarks.Audit;

/// <summary>
/// What scoring frame tags against gold costs a shard: <see cref="BatchAudit"/> over 20,000 frames × 3 annotators × 3
/// tag fields (the camera sample's shape, every tenth frame with a gold key when <see cref="Gold"/>), against
/// <see cref="TagGoldAudit"/> alone over the same items, and <see cref="TagGoldView.From"/> (finalize's kappas and
/// intervals). Run: <c>dotnet run -c Release --project tests/Quality.Benchmarks -- --filter *TagGold*</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class TagGoldBenchmarks
{
    private static readonly string[] Fields = ["weather", "time_of_day", "road_type"];
    private static readonly string[][] Values = [["clear", "fog", "rain", "snow"], ["day", "dusk", "night"], ["highway", "parking", "rural", "urban"]];
    private List<List<Annotation>> _items = [];
    private TagGoldAudit _audited = new();

    [Params(false, true)]
    public bool Gold { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(19);
        _items = [.. Enumerable.Range(0, 20_000).Select(i => Frame(i, random))];
        _audited = TagGoldAlone();
    }

    [Benchmark(Baseline = true)]
    public long BatchAuditWhole()
    {
        var audit = new BatchAudit();
        foreach (var item in _items)
        {
            audit.AddItem("bench.jsonl", item);
        }

        return audit.Annotations;
    }

    [Benchmark]
    public int TagGoldAuditAlone() => TagGoldAlone().Fields.Count;

    [Benchmark]
    public int TagGoldViewFromPartials() => TagGoldView.From(_audited).Fields.Count;

    private TagGoldAudit TagGoldAlone()
    {
        var audit = new TagGoldAudit();
        foreach (var item in _items)
        {
            audit.AddItem("bench.jsonl", item);
        }

        return audit;
    }

    private List<Annotation> Frame(int i, Random random)
    {
        var item = $"frame-{i:D6}";
        var annotations = new List<Annotation>();
        for (var f = 0; f < Fields.Length; f++)
        {
            var truth = Values[f][random.Next(Values[f].Length)];
            if (Gold && i % 10 == 0)
            {
                annotations.Add(new Annotation(item, "gold-key", AnnotatorRole.Gold, Fields[f], truth, 1));
            }

            foreach (var annotator in new[] { "ann-01", "ann-02", "ann-03" })
            {
                var value = random.NextDouble() < 0.8 ? truth : Values[f][random.Next(Values[f].Length)];
                annotations.Add(new Annotation(item, annotator, AnnotatorRole.Annotator, Fields[f], value, 1));
            }
        }

        return annotations;
    }
}
