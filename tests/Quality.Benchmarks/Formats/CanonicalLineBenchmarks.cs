using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;
using Quality.Pipeline.Activities;

namespace Quality.Benchmarks.Formats;

/// <summary>
/// The per-line costs behind <c>ingest</c>: parsing a frame tag, a 2D box and a cuboid line, checking it against the
/// header, picking its shard and writing it normalised. Time and allocations per line. Run:
/// <c>dotnet Quality.Benchmarks.dll --filter *CanonicalLine*</c>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CanonicalLineBenchmarks
{
    private readonly byte[] _tag = Encoding.UTF8.GetBytes(
        """{"item":"cam-0001-000042","annotator":"acme-ann-0117","field":"weather","label":"rain"}""");

    private readonly byte[] _box = Encoding.UTF8.GetBytes(
        """{"item":"cam-0001-000042","annotator":"acme-ann-0117","id":"obj-000042-03","label":"pedestrian","geometry":{"type":"box2d","x":812.25,"y":403.5,"width":64.75,"height":128},"image":{"width":1920,"height":1080},"attributes":{"occlusion":"1","truncated":false}}""");

    private readonly byte[] _cuboidLine = Encoding.UTF8.GetBytes(
        """{"item":"lidar-0001-000043","annotator":"acme-ann-0117","role":"gold","id":"obj-000043-05","label":"car","geometry":{"type":"cuboid","x":12.113,"y":-3.402,"z":0.912,"length":4.5,"width":1.9,"height":1.6,"yaw":0.1234},"attributes":{"occlusion":1,"parked":true,"moving":false}}""");

    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private DeliveryHeader _header = null!;
    private Annotation _cuboid = null!;

    [GlobalSetup]
    public void Setup()
    {
        _header = CanonicalLineParser.ParseHeader(Encoding.UTF8.GetBytes(Pipeline.SyntheticDelivery.Header), "bench.jsonl");
        _cuboid = CanonicalLineParser.ParseAnnotation(_cuboidLine, "bench.jsonl", 2);
    }

    [Benchmark]
    public Annotation ParseTag() => CanonicalLineParser.ParseAnnotation(_tag, "bench.jsonl", 2);

    [Benchmark]
    public Annotation ParseBox() => CanonicalLineParser.ParseAnnotation(_box, "bench.jsonl", 2);

    [Benchmark]
    public Annotation ParseCuboid() => CanonicalLineParser.ParseAnnotation(_cuboidLine, "bench.jsonl", 2);

    [Benchmark]
    public bool CheckCuboid() => _header.Check(_cuboid) is null;

    [Benchmark]
    public int ShardOfCuboid() => ShardAssignment.ShardOf(_cuboid.Item, 256);

    [Benchmark]
    public int WriteCuboid()
    {
        _output.ResetWrittenCount();
        CanonicalWriter.WriteAnnotation(_output, _cuboid, withSourceLine: true);
        return _output.WrittenCount;
    }
}
