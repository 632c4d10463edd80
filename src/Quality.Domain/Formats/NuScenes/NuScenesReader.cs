using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>
/// nuScenes boxes, streamed record by record, from either shape: an array of <c>sample_annotation</c>-style records,
/// or a detection-results file <c>{"meta": …, "results": {sample_token: [box, …]}}</c>.
/// </summary>
/// <remarks>
/// Each box is read once: the splitter hands its object to <see cref="TryScan"/> while it checks the JSON, which reads
/// the usual values of the known fields and notes where every one lies (<see cref="NuScenesBoxScan"/>); the box is then
/// built from what the scan read, and only an unusual value is read again, from its place, for its error.
/// </remarks>
internal sealed class NuScenesReader(Stream stream, FileRole file, string annotator) : JsonAnnotationReader(stream, file), IJsonElementScanner
{
    private readonly AnnotatorRole _role = file.Role ?? AnnotatorRole.Annotator;
    private readonly NuScenesBoxScan _scan = new(new NuScenesTexts());
    private readonly JsonFields _fields = new(file.File, static (index, sample) => sample is null
        ? ($"record {index}", $"[{index}]")
        : ($"box {index} of sample {sample}", $"results.{sample}[{index}]"));
    private readonly KeyValuePair<string, string>[] _attributes = new KeyValuePair<string, string>[NuScenesAttributes.MaxAttributes];
    private Phase _phase;
    private string? _sample;
    private bool _resultsSeen;

    private enum Phase
    {
        Start,
        Records,
        RootProperties,
        Samples,
        SampleBoxes,
        Done,
    }

    protected override async ValueTask<JsonRecord?> NextRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (_phase)
            {
                case Phase.Start:
                    _phase = await Splitter.ReadRootAsync(cancellationToken) switch
                    {
                        JsonTokenType.StartArray => Phase.Records,
                        JsonTokenType.StartObject => Phase.RootProperties,
                        _ => throw new DeliveryFormatException(File.File, 1, null,
                            "nuScenes boxes are an array of sample annotations or an object with 'results'; this file is neither"),
                    };
                    break;
                case Phase.Records or Phase.SampleBoxes:
                    _scan.Reset();
                    if (await Splitter.ReadElementAsync(this, cancellationToken) is { } box)
                    {
                        return new JsonRecord(box, _sample);
                    }

                    _phase = _phase == Phase.Records ? Phase.Done : Phase.Samples;
                    break;
                case Phase.RootProperties:
                    await ReadRootPropertyAsync(cancellationToken);
                    break;
                case Phase.Samples:
                    _sample = await Splitter.ReadPropertyNameAsync(cancellationToken);
                    _phase = _sample is null ? Phase.RootProperties : Phase.SampleBoxes;
                    if (_sample is not null && await Splitter.EnterValueAsync(cancellationToken) != JsonTokenType.StartArray)
                    {
                        throw new DeliveryFormatException(File.File, 0, $"results.{_sample}", "is not an array of boxes");
                    }

                    break;
                default:
                    await Splitter.ReadEndAsync(cancellationToken);
                    return null;
            }
        }
    }

    protected override void Convert(JsonRecord record, Queue<Annotation> annotations)
    {
        _fields.MoveTo(record.Element, record.Context);
        annotations.Enqueue(NuScenesBoxParser.Parse(_fields, record.Element.Utf8.Span, _scan, record.Context, (annotator, _role, File.ManifestPath), _scan.Texts, _attributes));
    }

    /// <summary>The box's fields as the splitter reads it; a box that is no object is left to the parser's error.</summary>
    public bool TryScan(ref Utf8JsonReader reader) => _scan.Scan(ref reader);

    /// <summary>A box of the usual shape, read byte by byte; any other is left to <see cref="TryScan"/>.</summary>
    public int ScanPlain(ReadOnlySpan<byte> json) => _scan.ScanPlain(json);

    private async ValueTask ReadRootPropertyAsync(CancellationToken cancellationToken)
    {
        var name = await Splitter.ReadPropertyNameAsync(cancellationToken);
        if (name is null)
        {
            _phase = _resultsSeen ? Phase.Done
                : throw new DeliveryFormatException(File.File, 0, "results", "missing; a detection-results file has {\"results\": {sample_token: [boxes]}}");
        }
        else if (name == "results" && !_resultsSeen)
        {
            _resultsSeen = true;
            _phase = await Splitter.EnterValueAsync(cancellationToken) == JsonTokenType.StartObject
                ? Phase.Samples
                : throw new DeliveryFormatException(File.File, 0, "results", "is not an object of sample tokens");
        }
        else
        {
            await Splitter.SkipValueAsync(cancellationToken);
        }
    }
}
