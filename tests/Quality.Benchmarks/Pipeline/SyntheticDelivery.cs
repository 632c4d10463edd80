using System.Globalization;
using System.Text;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// A seeded canonical delivery of any size, streamed without a file: a header, then a pattern of about 4 MiB (camera
/// frames with 2D boxes on a 1920×1080 image, lidar sweeps with cuboids and attributes, frame tags on both) repeated
/// until the size is reached, cut at a line end. Each repetition writes its number into every item id
/// (<c>cam-0003-000042</c>), so items never repeat and generating costs a memory copy.
/// </summary>
internal sealed class SyntheticDelivery : Stream
{
    public const string Header = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"bench-ingest","pipeline":"bench","vendor":"acme-labeling","taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["frame-tags","boxes-2d","cuboids-3d"],"fields":{"weather":{"level":"nominal","values":["clear","rain","fog","snow"]},"occlusion":{"level":"ordinal","values":["0","1","2"]}}}""";

    private const int PatternBytes = 4 * 1024 * 1024;
    private const int RepetitionDigits = 4;

    private static readonly string[] Weather = ["clear", "rain", "fog", "snow"];
    private static readonly string[] TimeOfDay = ["day", "night", "dusk"];
    private static readonly string[] Classes = ["car", "car", "car", "truck", "pedestrian", "pedestrian", "cyclist", "traffic-cone"];
    private static readonly string[] Annotators = ["acme-ann-0117", "acme-ann-0342", "acme-ann-1029"];

    private readonly byte[] _header;
    private readonly byte[] _pattern;
    private readonly int[] _repetitionOffsets;
    private readonly long _length;
    private long _position;
    private int _repetition = -1;

    public SyntheticDelivery(long bytes, int seed = 42)
    {
        _header = Encoding.UTF8.GetBytes(Header + "\n");
        (_pattern, _repetitionOffsets, AnnotationsPerPattern) = Pattern(new Random(seed));
        var body = Math.Max(0, bytes - _header.Length);
        var partial = (int)(body % _pattern.Length);
        var lastLineEnd = partial == 0 ? 0 : Array.IndexOf(_pattern, (byte)'\n', partial - 1) + 1;
        _length = _header.Length + body / _pattern.Length * _pattern.Length + lastLineEnd;
    }

    /// <summary>Annotation lines in one repetition of the pattern.</summary>
    public int AnnotationsPerPattern { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= _length || buffer.IsEmpty)
        {
            return 0;
        }

        if (_position < _header.Length)
        {
            var fromHeader = (int)Math.Min(buffer.Length, _header.Length - _position);
            _header.AsSpan((int)_position, fromHeader).CopyTo(buffer);
            _position += fromHeader;
            return fromHeader;
        }

        var body = _position - _header.Length;
        var repetition = (int)(body / _pattern.Length);
        if (repetition != _repetition)
        {
            Number(repetition);
        }

        var at = (int)(body % _pattern.Length);
        var count = (int)Math.Min(Math.Min(buffer.Length, _pattern.Length - at), _length - _position);
        _pattern.AsSpan(at, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Writes the repetition's number into every item id of the pattern.</summary>
    private void Number(int repetition)
    {
        Span<byte> digits = stackalloc byte[RepetitionDigits];
        repetition.TryFormat(digits, out _, "D4", CultureInfo.InvariantCulture);
        foreach (var offset in _repetitionOffsets)
        {
            digits.CopyTo(_pattern.AsSpan(offset));
        }

        _repetition = repetition;
    }

    private static (byte[] Pattern, int[] RepetitionOffsets, int Annotations) Pattern(Random random)
    {
        var text = new StringBuilder(PatternBytes + 4096);
        var offsets = new List<int>();
        var annotations = 0;
        for (var frame = 0; text.Length < PatternBytes; frame++)
        {
            var camera = frame % 2 == 0;
            var prefix = camera ? "cam-" : "lidar-";
            var item = string.Create(CultureInfo.InvariantCulture, $"{prefix}0000-{frame:D6}");
            var objects = Enumerable.Range(0, 8).Select(_ => Classes[random.Next(Classes.Length)]).ToArray();
            foreach (var annotator in Annotators)
            {
                var role = random.NextDouble() < 0.1 ? ",\"role\":\"gold\"" : "";
                var who = $"{{\"item\":\"{item}\",\"annotator\":\"{annotator}\"{role}";
                Line($"{who},\"field\":\"weather\",\"label\":\"{Weather[random.Next(Weather.Length)]}\"}}");
                Line($"{who},\"field\":\"time_of_day\",\"label\":\"{TimeOfDay[random.Next(TimeOfDay.Length)]}\"}}");
                for (var k = 0; k < objects.Length; k++)
                {
                    if (random.NextDouble() < 0.05)
                    {
                        continue; // a missed object
                    }

                    var id = string.Create(CultureInfo.InvariantCulture, $"obj-{frame:D6}-{k:D2}");
                    var occlusion = random.Next(3);
                    Line(camera
                        ? string.Create(CultureInfo.InvariantCulture,
                            $"{who},\"id\":\"{id}\",\"label\":\"{objects[k]}\",\"geometry\":{{\"type\":\"box2d\",\"x\":{random.NextDouble() * 1800:0.##},\"y\":{random.NextDouble() * 1000:0.##},\"width\":{4 + random.NextDouble() * 300:0.##},\"height\":{4 + random.NextDouble() * 200:0.##}}},\"image\":{{\"width\":1920,\"height\":1080}},\"attributes\":{{\"occlusion\":\"{occlusion}\",\"truncated\":{(random.Next(5) == 0 ? "true" : "false")}}}}}")
                        : string.Create(CultureInfo.InvariantCulture,
                            $"{who},\"id\":\"{id}\",\"label\":\"{objects[k]}\",\"geometry\":{{\"type\":\"cuboid\",\"x\":{random.NextDouble() * 100 - 50:0.###},\"y\":{random.NextDouble() * 100 - 50:0.###},\"z\":{random.NextDouble() - 0.5:0.###},\"length\":{1 + random.NextDouble() * 7:0.##},\"width\":{0.5 + random.NextDouble() * 2:0.##},\"height\":{1 + random.NextDouble() * 2:0.##},\"yaw\":{random.NextDouble() * 6.28 - 3.14:0.####}}},\"attributes\":{{\"occlusion\":{occlusion},\"parked\":{(random.Next(3) == 0 ? "true" : "false")},\"moving\":false}}}}"));
                }
            }

            void Line(string line)
            {
                // Every line starts {"item":"cam-0000-…: the repetition's digits follow the prefix.
                offsets.Add(text.Length + "{\"item\":\"".Length + prefix.Length);
                text.Append(line).Append('\n');
                annotations++;
            }
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), offsets.ToArray(), annotations);
    }
}
